import { InProcessQueue } from '../../src/queue/in-process-queue.js';
import { RecordingLogger } from '../helpers/recording-logger.js';
import { queueContract } from './queue-contract.js';

queueContract('in-process', async (s) => new InProcessQueue({ ...s, log: new RecordingLogger() }));
