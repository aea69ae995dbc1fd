// The browser needs exactly two settings: where Supabase is and its anon key. Anything
// more privileged must never reach the bundle.
export interface SupabaseConfig {
  url: string;
  anonKey: string;
}

export class ConfigError extends Error {}

export function readSupabaseConfig(env: Record<string, string | undefined>): SupabaseConfig {
  const url = env.VITE_SUPABASE_URL?.trim();
  const anonKey = env.VITE_SUPABASE_ANON_KEY?.trim();
  const missing = [!url && 'VITE_SUPABASE_URL', !anonKey && 'VITE_SUPABASE_ANON_KEY'].filter(Boolean);
  if (missing.length) {
    throw new ConfigError(
      `${missing.join(' and ')} not set: run \`npm start\` for the local stack, or set them in .env`,
    );
  }
  try {
    const parsed = new URL(url!);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error();
  } catch {
    throw new ConfigError(`VITE_SUPABASE_URL is not an http(s) URL: "${url}"`);
  }
  return { url: url!.replace(/\/+$/, ''), anonKey: anonKey! };
}
