import { useTheme } from '@mui/material';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useDomainLabels } from '../../i18n/labels';

const ORDER = ['prospect', 'engaged', 'agreement_pending', 'active', 'suspended', 'offboarded'];

/** The bar chart alone, loaded on its own so recharts stays out of the first screen's bundle. */
const PartnersByStateChart = ({ counts }: { counts: Record<string, number> }) => {
  const labels = useDomainLabels();
  const theme = useTheme();
  const data = ORDER.map((s) => ({ state: labels.state('partner', s), count: counts[s] ?? 0 }));
  return (
    <ResponsiveContainer width="100%" height={220}>
      <BarChart data={data} margin={{ top: 8, right: 8, left: -16, bottom: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="state" tick={{ fontSize: 11 }} interval={0} angle={-25} textAnchor="end" height={56} />
        <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
        <Tooltip cursor={{ fillOpacity: 0.3 }} />
        <Bar dataKey="count" fill={theme.palette.primary.main} radius={[4, 4, 0, 0]} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
};

export default PartnersByStateChart;
