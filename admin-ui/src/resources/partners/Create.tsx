import { Create, SimpleForm } from 'react-admin';
import { PartnerInputs, partnerPayload } from './PartnerInputs';

const PartnerCreate = () => (
  <Create redirect="show" transform={partnerPayload}>
    <SimpleForm defaultValues={{ countries: [], type: 'ngo', dataSource: 'Case Management', cadence: 'quarterly' }} sx={{ maxWidth: 720 }}>
      <PartnerInputs />
    </SimpleForm>
  </Create>
);

export default PartnerCreate;
