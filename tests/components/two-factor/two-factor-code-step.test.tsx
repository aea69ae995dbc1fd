import { Refine, type AuthProvider } from '@refinedev/core';
import routerProvider from '@refinedev/react-router';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { TwoFactorCodeStep } from '../../../src/features/two-factor/two-factor-code-step';

// The second sign-in step on its own: the code goes to the auth provider's login (which talks
// to Supabase Auth), a refusal shows its message and clears the field, success follows the redirect.
const user = userEvent.setup({ delay: null });

function renderStep(authProvider: AuthProvider) {
  return render(
    <MemoryRouter initialEntries={['/two-factor']}>
      <Refine authProvider={authProvider} routerProvider={routerProvider} options={{ disableTelemetry: true }}>
        <Routes>
          <Route path="/two-factor" element={<TwoFactorCodeStep />} />
          <Route path="/" element={<p>home</p>} />
          <Route path="/login" element={<p>login page</p>} />
        </Routes>
      </Refine>
    </MemoryRouter>,
  );
}

const baseAuth: AuthProvider = {
  login: async () => ({ success: true, redirectTo: '/' }),
  logout: async () => ({ success: true, redirectTo: '/login' }),
  check: async () => ({ authenticated: true }),
  onError: async () => ({}),
};

describe('TwoFactorCodeStep', () => {
  it('asks for six digits before calling the auth provider', async () => {
    const login = vi.fn(baseAuth.login);
    renderStep({ ...baseAuth, login });
    await user.type(await screen.findByLabelText('Authentication code'), '12345');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText('The code has 6 digits')).toBeInTheDocument();
    expect(login).not.toHaveBeenCalled();
  });

  it('sends the code (spaces removed) to login and follows its redirect', async () => {
    const login = vi.fn(baseAuth.login);
    renderStep({ ...baseAuth, login });
    await user.type(await screen.findByLabelText('Authentication code'), '123 456');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    await waitFor(() => expect(login).toHaveBeenCalledWith({ code: '123456' }));
    expect(await screen.findByText('home')).toBeInTheDocument();
  });

  it('shows why a code was refused, clears it and stays on the step', async () => {
    const login = vi.fn(async () => ({
      success: false,
      error: { name: 'Code not accepted', message: 'That code is not valid.' },
    }));
    renderStep({ ...baseAuth, login });
    const field = await screen.findByLabelText('Authentication code');
    await user.type(field, '000000');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('That code is not valid.');
    expect(field).toHaveValue('');
    expect(screen.queryByText('home')).not.toBeInTheDocument();
  });

  it('lets someone without their phone sign out instead', async () => {
    const logout = vi.fn(baseAuth.logout);
    renderStep({ ...baseAuth, logout });
    await user.click(await screen.findByRole('button', { name: 'Use another account' }));
    await waitFor(() => expect(logout).toHaveBeenCalled());
  });
});
