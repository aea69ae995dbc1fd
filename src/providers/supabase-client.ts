import { createClient } from '@refinedev/supabase';
import { readSupabaseConfig } from '../lib/env';

const config = readSupabaseConfig(import.meta.env);

// One client for the whole app: data, auth and (later) realtime share its session.
export const supabaseClient = createClient(config.url, config.anonKey, {
  db: { schema: 'public' },
  auth: { persistSession: true, autoRefreshToken: true },
});
