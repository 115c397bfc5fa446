/** The longest callback URL a subscription takes (docs/api.md: "≤2048 chars"). */
export const CALLBACK_URL_MAX_LENGTH = 2048;
