import { parentPort, workerData } from 'node:worker_threads';
import type { OrganizationNames } from '../app/ports';
import { OrganizationIndex } from '../dialogs/recognition/entities/organization-index';

// Builds the organization-name index off the main thread (bot/organization-index.ts) and sends back its
// bytes, moved rather than copied.
const bytes = OrganizationIndex.build(workerData as OrganizationNames[]).toBytes();
parentPort?.postMessage(bytes, [bytes.buffer as ArrayBuffer]);
