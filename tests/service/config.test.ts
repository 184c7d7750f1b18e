// The environment, parsed at boot: defaults, and a clear error naming each bad variable.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseByteSize } from '../../src/config.js';

describe('loadConfig', () => {
  it('has safe defaults: loopback, port 3000, embedded store, reads open, no CORS, 10 MB', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: '127.0.0.1',
      neo4j: null,
      dataDir: '.cancu',
      apiKeys: [],
      readsRequireKey: false,
      corsOrigins: [],
      bodyLimit: 10 * 1024 * 1024,
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      NEO4J_URI: 'bolt://db.internal:7687',
      NEO4J_USER: 'cancu',
      NEO4J_PASSWORD: 'secret',
      NEO4J_DATABASE: 'plans',
      CANCU_DATA_DIR: '/var/lib/cancu',
      CANCU_API_KEYS: ' key-aaaaaaaaaaaaaaaa , key-bbbbbbbbbbbbbbbb,',
      CANCU_READS_REQUIRE_KEY: 'true',
      CANCU_CORS_ORIGINS: 'https://portal.example.vn, http://localhost:5173',
      CANCU_BODY_LIMIT: '512kb',
    });
    expect(config).toEqual({
      port: 8080,
      host: '0.0.0.0',
      neo4j: { uri: 'bolt://db.internal:7687', user: 'cancu', password: 'secret', database: 'plans' },
      dataDir: '/var/lib/cancu',
      apiKeys: ['key-aaaaaaaaaaaaaaaa', 'key-bbbbbbbbbbbbbbbb'],
      readsRequireKey: true,
      corsOrigins: ['https://portal.example.vn', 'http://localhost:5173'],
      bodyLimit: 512 * 1024,
    });
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', NEO4J_URI: '', CANCU_BODY_LIMIT: ' ' })).toMatchObject({ port: 3000, neo4j: null, bodyLimit: 10 * 1024 * 1024 });
  });

  it('fails fast, naming every bad variable and the fix, without echoing secrets', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        NEO4J_URI: 'http://localhost:7474',
        CANCU_API_KEYS: 'short',
        CANCU_READS_REQUIRE_KEY: 'maybe',
        CANCU_CORS_ORIGINS: 'portal.example.vn/path',
        CANCU_BODY_LIMIT: 'ten megabytes',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    for (const name of ['PORT', 'NEO4J_URI', 'CANCU_API_KEYS', 'CANCU_READS_REQUIRE_KEY', 'CANCU_CORS_ORIGINS', 'CANCU_BODY_LIMIT']) {
      expect(message).toContain(name);
    }
    expect(message).toContain('bolt://');
    expect(message).not.toContain('short');
  });

  it('refuses closing reads when no key is configured', () => {
    expect(() => loadConfig({ CANCU_READS_REQUIRE_KEY: '1' })).toThrow(/CANCU_API_KEYS/);
  });

  it('rejects out-of-range ports', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
    expect(loadConfig({ PORT: '0' }).port).toBe(0);
  });
});

describe('parseByteSize', () => {
  it.each([
    ['10mb', 10 * 1024 * 1024],
    ['10MB', 10 * 1024 * 1024],
    ['1.5kb', 1536],
    ['2048', 2048],
    ['1gb', 1024 ** 3],
  ])('%s → %d bytes', (text, bytes) => expect(parseByteSize(text)).toBe(bytes));

  it.each(['', '0', '-1mb', '10 tb', 'abc'])('rejects %j', (text) => expect(parseByteSize(text)).toBeNull());
});
