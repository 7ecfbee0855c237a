/** Code export: the schedule as ready-to-paste PyTorch and Keras, and PyTorch's arguments read back. */
export { pytorchCode } from './pytorchCode';
export { kerasCode } from './kerasCode';
export { readPyTorchCode } from './pytorchCodeReader';
export { pytorchArgsToSpec } from './pytorchScheduler';
export type { ExportOptions } from './optimizerCode';
export type { ScheduleHistory } from './scheduleChangesNote';
