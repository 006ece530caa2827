import { Edit, SaveButton, SimpleForm, Toolbar, useRecordContext } from 'react-admin';
import { PartnerInputs, partnerPayload } from './PartnerInputs';

const Title = () => <>{useRecordContext<{ name: string }>()?.name ?? ''}</>;

// No delete: a partner's history stays; offboarding is the workflow's way out.
const PartnerEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={partnerPayload} title={<Title />}>
    <SimpleForm toolbar={<Toolbar><SaveButton /></Toolbar>} sx={{ maxWidth: 720 }}>
      <PartnerInputs />
    </SimpleForm>
  </Edit>
);

export default PartnerEdit;
