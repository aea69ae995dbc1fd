// Where the two-factor steps live; the auth provider sends people here too.
export const TWO_FACTOR_CODE_PATH = '/two-factor';
export const TWO_FACTOR_ENROL_PATH = '/two-factor/enrol';
export const ACCOUNT_SECURITY_PATH = '/account/security';
