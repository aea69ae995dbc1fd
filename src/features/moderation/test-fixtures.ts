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

/** A disputed booking: paid 120.00, 20.00 refunded, two messages — or, without communication.read, none. */
export function disputedBooking(messagesVisible = true): ItemContext {
  const context = reportedListing({
    queue: 'booking_disputes',
    target_type: 'booking',
    target_id: 'booking-7',
    open_report_count: 0,
    report_reasons: [],
    target_title: 'Booking LC-7QX2M4PA',
  });
  return {
    ...context,
    reports: [],
    target: {
      id: 'booking-7',
      status: 'disputed',
      confirmation_code: 'LC-7QX2M4PA',
      dispute_reason: 'The tap still drips',
      scheduled_start: inMinutes(-3000),
      total_cents: 12000,
      currency: 'USD',
      cancellation_policy: 'moderate',
      refundable_cents: 10000,
      listing: { id: 'listing-1', title: 'Leak repair in Austin' },
      customer: { id: 'user-carla', name: 'Carla Customer', email: 'customer@loconomy.test' },
      provider: { id: 'user-pablo', name: 'Pablo Provider', email: 'provider@loconomy.test' },
      timeline: [
        { at: inMinutes(-5000), event: 'booked', detail: null },
        { at: inMinutes(-4900), event: 'payment completed', detail: '12000 USD' },
        { at: inMinutes(-2000), event: 'disputed', detail: 'The tap still drips' },
      ],
      payments: [
        { id: 'tx-1', type: 'payment', status: 'refunded', amount_cents: 12000, currency: 'USD', at: inMinutes(-4900) },
        { id: 'tx-2', type: 'refund', status: 'completed', amount_cents: 2000, currency: 'USD', at: inMinutes(-1000) },
      ],
      messages_visible: messagesVisible,
      messages: messagesVisible
        ? [
            {
              id: 'm-1',
              at: inMinutes(-1900),
              body: 'It drips again.',
              deleted: false,
              attachments: 1,
              sender: { id: 'user-carla', name: 'Carla Customer' },
              side: 'customer',
            },
            {
              id: 'm-2',
              at: inMinutes(-1800),
              body: null,
              deleted: true,
              attachments: 0,
              sender: { id: 'user-pablo', name: 'Pablo Provider' },
              side: 'provider',
            },
          ]
        : null,
    },
  };
}

/** A user waiting for verification, suspended once before. */
export function userToVerify(): ItemContext {
  const context = reportedListing({
    queue: 'user_verification',
    target_type: 'user',
    target_id: 'user-vic',
    open_report_count: 0,
    report_reasons: [],
    target_title: 'Vic Newcomer',
  });
  return {
    ...context,
    reports: [],
    target: {
      id: 'user-vic',
      name: 'Vic Newcomer',
      email: 'vic@example.test',
      phone: '+1 512 555 0199',
      role: 'provider',
      status: 'active',
      verification_status: 'pending',
      created_at: inMinutes(-600),
      bookings_as_customer: 2,
      bookings_as_provider: 0,
      disputes: 1,
      reports_filed: 0,
      sanctions: [
        {
          id: 's-1',
          kind: 'suspension',
          reason: 'Repeated no-shows: three in a week',
          starts_at: inMinutes(-500),
          ends_at: inMinutes(-100),
          lifted_at: inMinutes(-100),
          lift_reason: 'Ended',
          by: { id: 'user-olivia', name: 'Olivia Ops' },
        },
      ],
    },
  };
}
