/** A line above the plot in the PNG: the chart's key, as the page shows it beside the chart. */
export interface PngLegendItem {
  label: string;
  color: string;
}

/** Pixels per CSS pixel in the PNG: sharp on slides and high-density screens. */
const SCALE = 2;
const PAD = 10;
const TITLE_FONT = '600 14px';
const LEGEND_FONT = '12px';
const LINE_HEIGHT = 18;

/** The chart's SVG as a standalone image: sized, namespaced and in the page's font. */
function standaloneSvg(svg: SVGSVGElement, width: number, height: number): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  if (!copy.hasAttribute('viewBox')) copy.setAttribute('viewBox', `0 0 ${width} ${height}`);
  copy.style.fontFamily = getComputedStyle(svg).fontFamily;
  return new XMLSerializer().serializeToString(copy);
}

async function loadImage(svgText: string): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    return image;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Legend entries laid out in rows that fit `width`: each with its x and row index. */
function legendLayout(
  context: CanvasRenderingContext2D,
  items: readonly PngLegendItem[],
  width: number,
): { item: PngLegendItem; x: number; row: number }[] {
  const placed: { item: PngLegendItem; x: number; row: number }[] = [];
  let x = PAD;
  let row = 0;
  for (const item of items) {
    const itemWidth = 22 + context.measureText(item.label).width + 14;
    if (x > PAD && x + itemWidth > width - PAD) {
      x = PAD;
      row += 1;
    }
    placed.push({ item, x, row });
    x += itemWidth;
  }
  return placed;
}

/**
 * The chart as a PNG: its title and key drawn above the SVG plot, on white. The SVG is
 * serialised and drawn onto a canvas, so nothing beyond the browser is needed.
 */
export async function chartPng(
  svg: SVGSVGElement,
  heading: { title: string; legend: readonly PngLegendItem[] },
): Promise<Blob> {
  const { width, height } = svg.getBoundingClientRect();
  if (width === 0 || height === 0) throw new Error('the chart is not on screen');
  const font = getComputedStyle(svg).fontFamily;
  const image = await loadImage(standaloneSvg(svg, width, height));

  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d');
  if (!context) throw new Error('this browser cannot draw on a canvas');
  context.font = `${LEGEND_FONT} ${font}`;
  const legend = legendLayout(context, heading.legend, width);
  const numRows = legend.length > 0 ? legend[legend.length - 1].row + 1 : 0;
  const top = PAD + LINE_HEIGHT + numRows * LINE_HEIGHT + 4;

  canvas.width = Math.round(width * SCALE);
  canvas.height = Math.round((top + height) * SCALE);
  context.scale(SCALE, SCALE);
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, top + height);
  context.textBaseline = 'middle';
  context.fillStyle = '#1b2330';
  context.font = `${TITLE_FONT} ${font}`;
  context.fillText(heading.title, PAD, PAD + LINE_HEIGHT / 2);
  context.font = `${LEGEND_FONT} ${font}`;
  for (const { item, x, row } of legend) {
    const y = PAD + LINE_HEIGHT * (row + 1.5);
    context.strokeStyle = item.color;
    context.lineWidth = 2;
    context.beginPath();
    context.moveTo(x, y);
    context.lineTo(x + 16, y);
    context.stroke();
    context.fillStyle = '#5b6778';
    context.fillText(item.label, x + 22, y);
  }
  context.drawImage(image, 0, top, width, height);

  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('no PNG was made'))),
      'image/png',
    ),
  );
}
