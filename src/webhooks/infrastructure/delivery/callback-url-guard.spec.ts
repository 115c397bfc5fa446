import { DomainError } from '../../../shared/domain';
import { CallbackUrlGuard, HostResolver } from './callback-url-guard';
import { systemResolver } from './host-resolver';

const dns: Record<string, string[]> = {
  'hooks.example.com': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'],
  'internal.example.com': ['10.1.2.3'],
  'mixed.example.com': ['93.184.215.14', '192.168.0.10'],
  'rebind.example.com': ['93.184.215.14', '::ffff:127.0.0.1'],
};
const resolve: HostResolver = async (host) => {
  const addresses = dns[host];
  if (!addresses)
    throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  return addresses;
};

const strict = new CallbackUrlGuard({ allowPrivate: false, resolve });
const lenient = new CallbackUrlGuard({ allowPrivate: true, resolve });

async function refusal(guard: CallbackUrlGuard, url: string): Promise<DomainError> {
  const error = await guard.check(url).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect(error).toMatchObject({ kind: 'invalid', code: 'invalid-callback-url' });
  return error as DomainError;
}

describe('CallbackUrlGuard', () => {
  it('accepts a public https URL and pins its first address', async () => {
    const checked = await strict.check('https://hooks.example.com/payments?x=1');
    expect(checked.url.href).toBe('https://hooks.example.com/payments?x=1');
    expect(checked).toMatchObject({ address: '93.184.215.14', family: 4 });
  });

  it('accepts public IPv4 and IPv6 literals', async () => {
    await expect(strict.check('https://8.8.8.8/')).resolves.toMatchObject({
      address: '8.8.8.8',
      family: 4,
    });
    await expect(strict.check('https://[2606:4700:4700::1111]:8443/h')).resolves.toMatchObject({
      address: '2606:4700:4700::1111',
      family: 6,
    });
  });

  it.each([
    'https://127.0.0.1/',
    'https://10.0.0.1/',
    'https://169.254.169.254/latest/meta-data/',
    'https://[::1]/',
    'https://[fd00::1]/',
    'https://[::ffff:127.0.0.1]/',
    'https://[::ffff:7f00:1]/',
    'https://2130706433/',
    'https://0177.0.0.1/',
    'https://0x7f.1/',
    'https://127.1/',
    'https://0/',
  ])('refuses the non-public address in %s', async (url) => {
    await refusal(strict, url);
  });

  it.each(['https://localhost/', 'https://LOCALHOST./', 'https://api.localhost/'])(
    'refuses %s',
    async (url) => {
      await refusal(strict, url);
    },
  );

  it('refuses a name resolving to a private address', async () => {
    expect((await refusal(strict, 'https://internal.example.com/')).message).toMatch(/private/);
  });

  it('refuses a name resolving to a mix of public and private addresses', async () => {
    await refusal(strict, 'https://mixed.example.com/');
    await refusal(strict, 'https://rebind.example.com/');
  });

  it('refuses a host that does not resolve', async () => {
    expect((await refusal(strict, 'https://nowhere.example.com/')).message).toMatch(
      /does not resolve/,
    );
    await refusal(
      new CallbackUrlGuard({ allowPrivate: true, resolve: async () => [] }),
      'http://x.test/',
    );
  });

  it('refuses http unless private URLs are allowed', async () => {
    expect((await refusal(strict, 'http://hooks.example.com/')).message).toMatch(/https/);
    await expect(lenient.check('http://hooks.example.com/')).resolves.toMatchObject({
      address: '93.184.215.14',
    });
  });

  it('allows private addresses when private URLs are allowed', async () => {
    await expect(lenient.check('http://127.0.0.1:3000/hooks')).resolves.toMatchObject({
      address: '127.0.0.1',
    });
    await expect(lenient.check('http://internal.example.com/')).resolves.toMatchObject({
      address: '10.1.2.3',
    });
    await expect(lenient.check('http://[::1]:8080/')).resolves.toMatchObject({
      address: '::1',
      family: 6,
    });
  });

  it('the system resolver asks getaddrinfo for every address, in the system order', async () => {
    const asked: unknown[] = [];
    const resolveWith = systemResolver(async (host, options) => {
      asked.push([host, options]);
      return [{ address: '::1' }, { address: '127.0.0.1' }];
    });
    const checked = await new CallbackUrlGuard({ allowPrivate: true, resolve: resolveWith }).check(
      'http://localhost:1/',
    );
    expect(asked).toEqual([['localhost', { all: true, verbatim: true }]]);
    expect(checked).toMatchObject({ address: '::1', family: 6 });
  });

  it.each([
    ['not a URL', 'hooks.example.com/path'],
    ['another scheme', 'ftp://hooks.example.com/'],
    ['a javascript URL', 'javascript:alert(1)'],
    ['credentials', 'https://user:pass@hooks.example.com/'],
    ['a user name alone', 'https://user@hooks.example.com/'],
    ['more than 2048 characters', 'https://hooks.example.com/' + 'a'.repeat(2048)],
  ])('refuses %s', async (_case, url) => {
    await refusal(lenient, url);
  });
});
