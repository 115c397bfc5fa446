/**
 * Contract rules of the OpenAPI document that generators and validating proxies depend on (issue
 * 10), beside the documentation rules of openapi-quality.ts. Each finding says what to change.
 */

type Json = Record<string, unknown>;

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
/** Express parses a body on these, so the body parser's refusals can answer them. */
const BODY_METHODS = new Set(['post', 'put', 'patch']);
/** The body parser's answers (shared/http/body-parsing.ts), before any route is reached. */
const BODY_STATUSES = ['400', '413', '415'];

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export interface Operation {
  method: string;
  path: string;
  op: Json;
}

export function operationsOf(document: Json): Operation[] {
  const paths = isObject(document.paths) ? document.paths : {};
  return Object.entries(paths).flatMap(([path, item]) =>
    isObject(item)
      ? METHODS.filter((m) => isObject(item[m])).map((method) => ({
          method,
          path,
          op: item[method] as Json,
        }))
      : [],
  );
}

/**
 * Security: every operation says who may call it. `security: []` is a public route (health,
 * metrics); any other offers a key both ways the guards accept it (presented-key.ts): an http
 * bearer scheme and an apiKey scheme in the `ApiKey` header.
 */
function securityFindings(document: Json, { method, path, op }: Operation): string[] {
  const where = `${method.toUpperCase()} ${path}`;
  const schemes =
    isObject(document.components) && isObject(document.components.securitySchemes)
      ? document.components.securitySchemes
      : {};
  const security = op.security ?? document.security;
  if (!Array.isArray(security)) {
    return [
      `${where}: no \`security\`: use @ApiKeyAuth() (src/shared/http/api-auth.decorator.ts), or \`security: []\` in @ApiOperation for a public route`,
    ];
  }
  if (security.length === 0) return [];
  const used = security.flatMap((s) => (isObject(s) ? Object.keys(s) : []));
  const unknown = used.filter((name) => !isObject(schemes[name]));
  const defined = used.map((name) => schemes[name]).filter(isObject);
  const bearer = defined.some((s) => s.type === 'http' && s.scheme === 'bearer');
  const header = defined.some(
    (s) => s.type === 'apiKey' && s.in === 'header' && s.name === 'ApiKey',
  );
  return [
    ...unknown.map((name) => `${where}: security scheme "${name}" is not defined`),
    ...(bearer && header
      ? []
      : [
          `${where}: the key is accepted as \`Authorization: Bearer\` and as the \`ApiKey\` header: document both (@ApiKeyAuth(), or @AdminKeyAuth() for admin routes) instead of @ApiBearerAuth()`,
        ]),
  ];
}

/** A route that takes a body documents what the body parser answers: 400, 413 and 415. */
function bodyStatusFindings({ method, path, op }: Operation): string[] {
  if (!BODY_METHODS.has(method) && op.requestBody === undefined) return [];
  const responses = isObject(op.responses) ? op.responses : {};
  const missing = BODY_STATUSES.filter((s) => responses[s] === undefined);
  return missing.length === 0
    ? []
    : [
        `${method.toUpperCase()} ${path}: takes a body but does not document ${missing.join(', ')} (malformed JSON, over 1 MiB, not JSON): add them to @ApiProblems(...)`,
      ];
}

const segments = (path: string) => path.split('/').filter(Boolean);
const isParam = (segment: string) => /^\{[^}]+\}$/.test(segment);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether the path parameter `param` of an operation can take the other path's segment there. */
function canMatch(operation: Operation, param: string, other: string): boolean {
  if (isParam(other)) return true;
  const name = param.slice(1, -1);
  const declared = (Array.isArray(operation.op.parameters) ? operation.op.parameters : []).find(
    (p): p is Json => isObject(p) && p.in === 'path' && p.name === name,
  );
  const schema = declared && isObject(declared.schema) ? declared.schema : undefined;
  // A parameter declared a UUID never takes a literal segment such as `subscriptions`.
  return schema?.format !== 'uuid' || UUID.test(other);
}

/**
 * Two templates one request could match (same method, same number of segments, each pair equal or
 * one a parameter) make routing depend on declaration order. This is Redocly's
 * no-ambiguous-paths, but per method: `GET /payments/subscriptions/{id}` and
 * `POST /payments/{id}/cancel` share no method, so no request is ambiguous.
 */
function ambiguityFindings(operations: Operation[]): string[] {
  const findings: string[] = [];
  for (let i = 0; i < operations.length; i++) {
    for (let j = i + 1; j < operations.length; j++) {
      const a = operations[i];
      const b = operations[j];
      if (a.method !== b.method || a.path === b.path) continue;
      const sa = segments(a.path);
      const sb = segments(b.path);
      if (sa.length !== sb.length) continue;
      const overlap = sa.every(
        (s, k) =>
          s === sb[k] ||
          (isParam(s) && canMatch(a, s, sb[k])) ||
          (isParam(sb[k]) && canMatch(b, sb[k], s)),
      );
      // A literal segment where the other has a parameter makes one strictly more specific only
      // if it is so everywhere: a mix (one literal here, the other there) is truly ambiguous.
      const aMoreSpecific = sa.some((s, k) => !isParam(s) && isParam(sb[k]));
      const bMoreSpecific = sb.some((s, k) => !isParam(s) && isParam(sa[k]));
      if (overlap && aMoreSpecific && bMoreSpecific) {
        findings.push(
          `${a.method.toUpperCase()} ${a.path} and ${b.path}: one request can match both: rename a path`,
        );
      }
    }
  }
  return findings;
}

/** Every `$ref` stays inside the document: a remote one would make the lint reach the network. */
function remoteRefFindings(value: unknown, at = '#'): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => remoteRefFindings(v, `${at}/${i}`));
  if (!isObject(value)) return [];
  return Object.entries(value).flatMap(([key, child]) =>
    key === '$ref' && typeof child === 'string' && !child.startsWith('#/')
      ? [`${at}: $ref "${child}" points outside the document: inline it under components`]
      : remoteRefFindings(child, `${at}/${key}`),
  );
}

export function openApiContractFindings(document: Json): string[] {
  const operations = operationsOf(document);
  const servers = document.servers;
  return [
    ...remoteRefFindings(document),
    ...(Array.isArray(servers) && servers.length > 0
      ? []
      : ['servers: empty: add a server (DocumentBuilder.addServer)']),
    ...operations.flatMap((o) => [...securityFindings(document, o), ...bodyStatusFindings(o)]),
    ...ambiguityFindings(operations),
  ];
}
