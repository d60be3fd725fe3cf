/// <reference lib="webworker" />
// Entry point of the Klar module worker: exposes the engine to the page through comlink.
import * as Comlink from 'comlink';
import { installKlarErrorTransfer } from '../transfer.js';
import { createWorkerApi } from './worker-api.js';

installKlarErrorTransfer();
Comlink.expose(createWorkerApi());
