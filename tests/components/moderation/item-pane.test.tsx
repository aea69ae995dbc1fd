import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ItemPane } from '../../../src/features/moderation/item-pane';
import {
  claimedByOlivia,
  DECIDED_BY,
  disputedBooking,
  reportedListing,
  reportedReview,
  userToVerify,
} from '../../../src/features/moderation/test-fixtures';

// The pane shows the item in context and offers the decisions that fit it; deciding itself is
// the page's (and the database's) business, proven in the Playwright spec.

const SLOW = { timeout: 10_000 };

function renderPane(context = reportedListing(), me = 'user-sam') {
  const onDecide = vi.fn();
  const onClaim = vi.fn();
  render(<ItemPane context={context} loading={false} me={me} onDecide={onDecide} onClaim={onClaim} />);
  return { onDecide, onClaim };
}

describe('ItemPane', () => {
  it('shows a reported listing in context: the listing, its reports with each reporter’s record, the provider', async () => {
    renderPane();
    expect(await screen.findByRole('heading', { name: 'Leak repair in Austin' }, SLOW)).toBeInTheDocument();
    expect(screen.getByText('Same-day leak repair, licensed and insured.')).toBeInTheDocument();
    expect(screen.getByText('$95.00 (fixed)')).toBeInTheDocument();
    expect(screen.getByText('12 Main St, Austin')).toBeInTheDocument();
    expect(screen.getByText('Reports (2)')).toBeInTheDocument();
    expect(screen.getByText('18 of 20 upheld (+7.20)')).toBeInTheDocument();
    expect(screen.getByText('6 of 20 upheld (-6.17)')).toBeInTheDocument();
    expect(screen.getByText('Left wires exposed.')).toBeInTheDocument();
    expect(screen.getByText('7 (1 rejected or flagged)')).toBeInTheDocument();
    expect(screen.getByText('3 approved, 1 rejected')).toBeInTheDocument();
    expect(screen.getByText(/m \d\ds left$/)).toBeInTheDocument();
  });

  it('offers keeping reported content, rejecting, ignoring the reports and escalating, each with its key', async () => {
    const { onDecide } = renderPane();
    const decisions = await screen.findByLabelText('Decisions', {}, SLOW);
    const labels = within(decisions)
      .getAllByRole('button')
      .map((b) => b.textContent);
    expect(labels).toEqual(['Keep (no violation) (a)', 'Reject (r)', 'Ignore reports', 'Escalate (e)']);
    fireEvent.click(within(decisions).getByText('Reject (r)'));
    expect(onDecide).toHaveBeenCalledWith('reject');
  });

  it('calls a listing nobody reported an approval, and has no reports to ignore', async () => {
    const context = reportedListing({ queue: 'listing_approval', open_report_count: 0 });
    renderPane({ ...context, reports: [] });
    const decisions = await screen.findByLabelText('Decisions', {}, SLOW);
    expect(within(decisions).getByText('Approve (a)')).toBeInTheDocument();
    expect(within(decisions).getByText('Ignore reports').closest('button')).toBeDisabled();
    expect(screen.getByText('Nobody reported it.')).toBeInTheDocument();
  });

  it('says who holds a colleague’s claim, and offers no claim of my own', async () => {
    const { onClaim } = renderPane(claimedByOlivia());
    expect(await screen.findByText(/^Claimed by Olivia Ops until \d\d:\d\d$/, {}, SLOW)).toBeInTheDocument();
    expect(screen.getByText('Deciding takes it over from them; they see it is yours.')).toBeInTheDocument();
    expect(screen.queryByText('Claim (c)')).not.toBeInTheDocument();
    expect(onClaim).not.toHaveBeenCalled();
  });

  it('shows my own claim as mine, and an unclaimed item with a claim button', async () => {
    renderPane(claimedByOlivia(), 'user-olivia');
    expect(await screen.findByText(/Claimed by you until/, {}, SLOW)).toBeInTheDocument();
  });

  it('offers the claim on an item nobody holds', async () => {
    const { onClaim } = renderPane();
    fireEvent.click(await screen.findByText('Claim (c)', {}, SLOW));
    expect(onClaim).toHaveBeenCalledOnce();
  });

  it('shows a review with its booking and the provider’s response, and hides rather than rejects it', async () => {
    renderPane(reportedReview());
    expect(await screen.findByText('Terrible, call me on 555-0100 instead.', {}, SLOW)).toBeInTheDocument();
    expect(screen.getByText(/We are sorry; we came back the next day\./)).toBeInTheDocument();
    expect(screen.getByText('LX-4821')).toBeInTheDocument();
    expect(screen.getByLabelText('1 of 5 stars')).toBeInTheDocument();
    expect(within(screen.getByLabelText('Decisions')).getByText('Hide review (r)')).toBeInTheDocument();
  });

  it('shows a decided item’s decision instead of the buttons', async () => {
    const context = reportedListing({
      status: 'rejected',
      decided_by: DECIDED_BY.id,
      decided_by_person: DECIDED_BY,
      decided_at: new Date().toISOString(),
      decision_note: 'Photos of another company',
    });
    renderPane(context);
    expect(await screen.findByText(/^rejected by Sam Super on/, {}, SLOW)).toBeInTheDocument();
    expect(screen.getByText('Photos of another company')).toBeInTheDocument();
    expect(screen.queryByLabelText('Decisions')).not.toBeInTheDocument();
  });

  it('shows a dispute’s evidence — timeline, money, what is left to refund, the messages — and offers only escalation', async () => {
    renderPane(disputedBooking());
    expect(
      await screen.findByText('The tap still drips', { selector: '.ant-alert-description' }, SLOW),
    ).toBeInTheDocument();
    expect(screen.getByText('$100.00')).toBeInTheDocument();
    const timeline = screen.getByLabelText('Booking timeline');
    expect(within(timeline).getByText('Payment completed')).toBeInTheDocument();
    expect(within(timeline).getByText(/\$120\.00/)).toBeInTheDocument();
    const money = screen.getByLabelText('Payments and refunds');
    expect(within(money).getByText('-$20.00')).toBeInTheDocument();
    const messages = screen.getByLabelText('Messages');
    expect(within(messages).getByText('It drips again.')).toBeInTheDocument();
    expect(within(messages).getByText('Deleted by its sender')).toBeInTheDocument();
    const decisions = screen.getByLabelText('Decisions');
    expect(
      within(decisions)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Escalate (e)']);
  });

  it('says the messages are withheld when the database left them out', async () => {
    renderPane(disputedBooking(false));
    expect(await screen.findByText(/shown to staff who may read conversations/, {}, SLOW)).toBeInTheDocument();
    expect(screen.queryByLabelText('Messages')).toBeNull();
  });

  it('shows a user’s record with their sanctions so far, and the actions the page gives it', async () => {
    render(
      <ItemPane
        context={userToVerify()}
        loading={false}
        me="user-sam"
        onDecide={vi.fn()}
        onClaim={vi.fn()}
        actions={<button type="button">Verify</button>}
      />,
    );
    expect(await screen.findByText('vic@example.test', {}, SLOW)).toBeInTheDocument();
    expect(screen.getByText('Repeated no-shows: three in a week')).toBeInTheDocument();
    expect(within(screen.getByLabelText('Actions on the user')).getByText('Verify')).toBeInTheDocument();
    expect(
      within(screen.getByLabelText('Decisions'))
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Escalate (e)']);
  });
});
