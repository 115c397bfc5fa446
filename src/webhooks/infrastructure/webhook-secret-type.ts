import { Type } from '@mikro-orm/postgresql';
import { WebhookSecret } from '../domain/webhook-secret';

/** A secret column (varchar(200), `whsec_` + base64) read back as the WebhookSecret value object. */
export class WebhookSecretType extends Type<WebhookSecret | null, string | null> {
  override convertToDatabaseValue(value: WebhookSecret | string | null): string | null {
    return value instanceof WebhookSecret ? value.value : value;
  }
  override convertToJSValue(value: WebhookSecret | string | null): WebhookSecret | null {
    return typeof value === 'string' ? WebhookSecret.parse(value) : value;
  }
  override compareAsType(): string {
    return 'string';
  }
  override getColumnType(): string {
    return 'varchar(200)';
  }
}
