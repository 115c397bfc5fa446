export { RetentionModule } from './retention.module';
export { RetentionWorker, type RetentionPass } from './retention.worker';
export { RETENTION_DELETES } from './retention.sql';
export { RetentionConfig } from './retention.config';
