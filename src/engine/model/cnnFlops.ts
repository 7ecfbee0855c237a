import { cnnWidths, MNIST_SHAPE, type CnnOptions, type InputShape } from './cnn';

/**
 * Floating-point operations (a multiply-add counts 2) of one training sample of the CNN: the
 * forward pass's convolutions and dense layers, then twice that for the backward pass (input
 * and weight gradients), the usual 3× rule. Element-wise work (batch norm, ReLU, pooling) is
 * left out: it is a few percent.
 */
export function trainingFlopsPerSample(
  options: Pick<CnnOptions, 'widthMultiplier'>,
  shape: InputShape = MNIST_SHAPE,
): number {
  const [c1, c2, units] = cnnWidths(options.widthMultiplier);
  const { side, channels, numClasses } = shape;
  const conv = (size: number, inC: number, outC: number) => 2 * size * size * 9 * inC * outC;
  const flat = (side / 4) * (side / 4) * c2;
  const forward =
    conv(side, channels, c1) + conv(side / 2, c1, c2) + 2 * flat * units + 2 * units * numClasses;
  return 3 * forward;
}
