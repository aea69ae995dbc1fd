import { useParams } from 'react-router';

export default function PayoutReviewPage() {
  const { id } = useParams();
  return <h1>{id ? `Payout ${id} under review` : 'Payouts awaiting review'}</h1>;
}
