import { describe, expect, it } from 'vitest';
import { ConfigError, readSupabaseConfig } from './env';

describe('readSupabaseConfig', () => {
  it.each([
    [{}, /VITE_SUPABASE_URL and VITE_SUPABASE_ANON_KEY not set/],
    [{ VITE_SUPABASE_URL: 'http://127.0.0.1:54321' }, /^VITE_SUPABASE_ANON_KEY not set/],
    [{ VITE_SUPABASE_ANON_KEY: 'k' }, /^VITE_SUPABASE_URL not set/],
    [{ VITE_SUPABASE_URL: '  ', VITE_SUPABASE_ANON_KEY: 'k' }, /^VITE_SUPABASE_URL not set/],
    [{ VITE_SUPABASE_URL: 'ftp://x', VITE_SUPABASE_ANON_KEY: 'k' }, /not an http\(s\) URL/],
    [{ VITE_SUPABASE_URL: 'nonsense', VITE_SUPABASE_ANON_KEY: 'k' }, /not an http\(s\) URL/],
  ])('refuses %j', (env, message) => {
    expect(() => readSupabaseConfig(env)).toThrow(ConfigError);
    expect(() => readSupabaseConfig(env)).toThrow(message);
  });

  it('trims values and the trailing slash of the URL', () => {
    expect(
      readSupabaseConfig({ VITE_SUPABASE_URL: ' https://abc.supabase.co/ ', VITE_SUPABASE_ANON_KEY: ' key ' }),
    ).toEqual({
      url: 'https://abc.supabase.co',
      anonKey: 'key',
    });
  });
});
