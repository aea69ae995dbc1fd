import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { FilterControl } from '../../../src/components/resource-list/filter-controls';
import type { FieldDef } from '../../../src/resources/types';

const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });

// A closed-list tags column (webhook events) is filtered by picking from its allowed values,
// as its form input does; the filter asks for rows holding all the picked ones (ina).
describe('tags filter', () => {
  it('offers a closed list’s values and filters with ina', async () => {
    const onChange = vi.fn();
    const field = { name: 'events', label: 'Events', kind: 'tags', options: ['*', 'booking.created', 'payout.paid'] };
    render(<FilterControl field={field as unknown as FieldDef} label="Events" filters={[]} onChange={onChange} />);
    await user.click(screen.getByRole('combobox', { name: 'Events' }));
    await waitFor(() => expect(document.querySelectorAll('.ant-select-item-option')).toHaveLength(3));
    await user.click(document.querySelector('.ant-select-item-option[title="payout.paid"]')!);
    expect(onChange).toHaveBeenLastCalledWith([{ field: 'events', operator: 'ina', value: ['payout.paid'] }]);
  });
});
