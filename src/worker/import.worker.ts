import * as Comlink from 'comlink';
import { ImportWorkerApi } from './importWorkerApi';

Comlink.expose(new ImportWorkerApi());
