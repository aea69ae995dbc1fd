import type { ItemContext } from './queue';

// What moderation_item_context answers for a reported listing and for a reported review, for
// the pane's component tests. Times are relative to now so the countdown reads the same.

const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

const OLIVIA = { id: 'user-olivia', name: 'Olivia Ops', email: 'ops@loconomy.test' };
const SAM = { id: 'user-sam', name: 'Sam Super', email: 'super.admin@loconomy.test' };

const baseItem: ItemContext['item'] = {
  id: 'item-1',
  tenant_id: 'tenant-1',
  queue: 'content_reports',
  target_type: 'listing',
  target_id: 'listing-1',
  status: 'pending',
  priority_score: 13.2,
  open_report_count: 2,
  entered_queue_at: inMinutes(-50),
  sla_due_at: inMinutes(10),
  claimed_by: null,
  claimed_by_name: null,
  claim_expires_at: null,
  assignee_id: null,
  version: 4,
  target_title: 'Leak repair in Austin',
  target_excerpt: null,
  owner_name: 'Pablo Provider',
  report_reasons: ['misleading', 'safety'],
  decided_by: null,
  decided_at: null,
  decision_reason_code: null,
  decision_note: null,
  claimed_by_person: null,
  assignee: null,
  decided_by_person: null,
};

export function reportedListing(overrides: Partial<ItemContext['item']> = {}): ItemContext {
  return {
    item: { ...baseItem, ...overrides },
    target: {
      id: 'listing-1',
      title: 'Leak repair in Austin',
      description: 'Same-day leak repair, licensed and insured.',
      price_cents: 9500,
      currency: 'USD',
      pricing_type: 'fixed',
      status: 'active',
      moderation_status: 'approved',
      media: [{ url: 'https://example.test/van.jpg', alt: 'The van', type: 'image' }],
      category: 'Plumbing',
      city: 'Austin',
      address: { line1: '12 Main St', city: 'Austin' },
      location: null,
    },
    owner: {
      id: 'user-pablo',
      name: 'Pablo Provider',
      email: 'provider@loconomy.test',
      role: 'provider',
      status: 'active',
      verification_status: 'verified',
      created_at: inMinutes(-60 * 24 * 400),
      listings: 7,
      rejected_listings: 1,
      hidden_reviews: 0,
      earlier_decisions: { approved: 3, rejected: 1 },
      rating_average: 4.6,
      rating_count: 18,
    },
    reports: [
      {
        id: 'report-1',
        reason: 'safety',
        details: 'Left wires exposed.',
        status: 'open',
        resolution: null,
        created_at: inMinutes(-50),
        reporter: { id: 'user-carla', name: 'Carla Customer', email: 'customer@loconomy.test' },
        reporter_agreed: 18,
        reporter_decided: 20,
        reporter_accuracy_bonus: 7.2,
        weight: 15.2,
      },
      {
        id: 'report-2',
        reason: 'misleading',
        details: null,
        status: 'open',
        resolution: null,
        created_at: inMinutes(-30),
        reporter: { id: 'user-dan', name: 'Dan Doubtful', email: 'dan@loconomy.test' },
        reporter_agreed: 6,
        reporter_decided: 20,
        reporter_accuracy_bonus: -6.17,
        weight: 0,
      },
    ],
    history: [
      { id: 1, event: 'created', at: inMinutes(-50), details: { queue: 'content_reports' }, actor: null },
      { id: 2, event: 'claimed', at: inMinutes(-5), details: {}, actor: OLIVIA },
    ],
    templates: [
      {
        code: 'misleading_listing',
        label: 'Misleading photos or description',
        policy_url: 'https://loconomy.test/policies/listings#accuracy',
        message_template: 'Your listing "{listing_title}" was taken down. {reason}',
      },
    ],
  };
}

/** The same listing, held by a colleague for the next ten minutes. */
export function claimedByOlivia(): ItemContext {
  return reportedListing({
    claimed_by: OLIVIA.id,
    claimed_by_name: OLIVIA.name,
    claim_expires_at: inMinutes(10),
    claimed_by_person: OLIVIA,
  });
}

export function reportedReview(): ItemContext {
  const context = reportedListing({ target_type: 'review', target_id: 'review-1', target_title: '1-star review' });
  return {
    ...context,
    target: {
      id: 'review-1',
      title: null,
      comment: 'Terrible, call me on 555-0100 instead.',
      rating: 1,
      hidden_at: null,
      provider_response: 'We are sorry; we came back the next day.',
      provider_responded_at: inMinutes(-60),
      listing: { id: 'listing-1', title: 'Leak repair in Austin' },
      provider: { id: 'user-pablo', name: 'Pablo Provider', email: 'provider@loconomy.test' },
      booking: {
        id: 'booking-1',
        status: 'completed',
        confirmation_code: 'LX-4821',
        scheduled_start: inMinutes(-4000),
        total_cents: 9500,
        currency: 'USD',
      },
    },
  };
}

export const DECIDED_BY = SAM;
