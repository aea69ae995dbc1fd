import { Refine, type AuthProvider } from '@refinedev/core';
import routerProvider from '@refinedev/react-router';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { LoginPage } from '../../src/pages/login-page';

// no delay between keystrokes: the test is about behaviour, not typing speed
const user = userEvent.setup({ delay: null });

function renderLogin(authProvider: AuthProvider) {
  return render(
    <MemoryRouter initialEntries={['/login']}>
      <Refine authProvider={authProvider} routerProvider={routerProvider} options={{ disableTelemetry: true }}>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route path="/" element={<p>home</p>} />
        </Routes>
      </Refine>
    </MemoryRouter>,
  );
}

const baseAuth: AuthProvider = {
  login: async () => ({ success: true, redirectTo: '/' }),
  logout: async () => ({ success: true }),
  check: async () => ({ authenticated: false }),
  onError: async () => ({}),
};

describe('LoginPage', () => {
  it('validates the email before calling the auth provider', async () => {
    const login = vi.fn(baseAuth.login);
    renderLogin({ ...baseAuth, login });
    await user.type(await screen.findByLabelText(/email/i), 'not-an-email');
    await user.type(screen.getByLabelText(/password/i), 'secret');
    await user.click(screen.getByRole('button', { name: /sign in/i }));
    expect(await screen.findByText(/invalid email address/i)).toBeInTheDocument();
    expect(login).not.toHaveBeenCalled();
  });

  it('passes the credentials to the auth provider and follows its redirect', async () => {
    const login = vi.fn(baseAuth.login);
    renderLogin({ ...baseAuth, login });
    await user.type(await screen.findByLabelText(/email/i), 'ops@loconomy.test');
    await user.type(screen.getByLabelText(/password/i), 'secret');
    await user.click(screen.getByRole('button', { name: /sign in/i }));
    await waitFor(() =>
      expect(login).toHaveBeenCalledWith(expect.objectContaining({ email: 'ops@loconomy.test', password: 'secret' })),
    );
    expect(await screen.findByText('home')).toBeInTheDocument();
  });

  it('offers no self-registration link', async () => {
    renderLogin(baseAuth);
    await screen.findByLabelText(/email/i);
    expect(screen.queryByText(/sign up/i)).not.toBeInTheDocument();
  });
});
