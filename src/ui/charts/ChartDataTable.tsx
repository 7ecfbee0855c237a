import type { ChartTable } from './chartTable';

/** The data behind a chart as a table (downsampled), for reading values a line only suggests. */
export function ChartDataTable({
  id,
  caption,
  table,
}: {
  id: string;
  caption: string;
  table: ChartTable;
}) {
  return (
    <div className="chart-data" id={id}>
      {table.rows.length === 0 ? (
        <p className="chart-data-empty">No data recorded yet.</p>
      ) : (
        <table className="chart-data-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              {table.columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row[0]}>
                {row.map((cell, i) =>
                  i === 0 ? (
                    <th key={i} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={i}>{cell}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
