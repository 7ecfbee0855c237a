import '../core/zodWithoutEval';
import * as Comlink from 'comlink';
import { EngineWorkerApi } from './engineWorkerApi';

Comlink.expose(new EngineWorkerApi());
