/** A readable message for the errors supabase-js returns from auth.mfa (GoTrue's error codes). */
export function twoFactorErrorMessage(error: { code?: string; message: string }): string {
  switch (error.code) {
    case 'mfa_verification_failed':
      return 'That code is not valid. Enter the current code from your authenticator app (each code works once).';
    case 'mfa_challenge_expired':
      return 'The sign-in step took too long. Enter a new code.';
    case 'insufficient_aal':
      return 'Confirm this session with your current authenticator code first.';
    case 'mfa_factor_name_conflict':
      return 'An authenticator with that name already exists.';
    default:
      return error.message;
  }
}

/** The setup key in groups of four, as authenticator apps print it; they ignore the spaces. */
export const groupedSecret = (secret: string) => secret.replace(/(.{4})(?=.)/g, '$1 ');
