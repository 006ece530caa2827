import UploadIcon from '@mui/icons-material/UploadFile';
import { AutocompleteInput, CreateButton, List, ReferenceInput, SelectInput, TopToolbar, usePermissions } from 'react-admin';
import { rolesAllow } from '../../auth/permissions';
import { SubmissionTable } from './SubmissionTable';
import { SUBMISSION_STATUSES, WORKING, type SubmissionRow } from './types';

const statusChoices = SUBMISSION_STATUSES.map((s) => ({ id: s, name: `workflow.submission.states.${s}` }));

function useSubmissionFilters(roles: string[]) {
  const filters = [<SelectInput key="status" source="status" choices={statusChoices} alwaysOn />];
  // A partner user's list holds its own partner's files only: nothing to choose.
  if (!roles.includes('partner_user')) {
    filters.push(
      <ReferenceInput key="partnerId" source="partnerId" reference="partners" alwaysOn sort={{ field: 'name', order: 'ASC' }}>
        <AutocompleteInput optionText="name" filterToQuery={(q) => ({ q })} sx={{ minWidth: 240 }} />
      </ReferenceInput>,
    );
  }
  return filters;
}

const Actions = ({ canUpload }: { canUpload: boolean }) => (
  <TopToolbar>{canUpload && <CreateButton label="app.submissions.upload" icon={<UploadIcon />} />}</TopToolbar>
);

/** Polls every 3 s while a file on the page is being profiled or harmonized. */
const whileWorking = (query: { state: { data?: { data?: SubmissionRow[] } } }) =>
  query.state.data?.data?.some((s) => WORKING.includes(s.status)) ? 3000 : false;

const SubmissionList = () => {
  const { permissions: roles } = usePermissions<string[]>();
  const filters = useSubmissionFilters(roles ?? []);
  return (
    <List
      filters={filters}
      actions={<Actions canUpload={rolesAllow(roles ?? [], 'submissions.upload')} />}
      sort={{ field: 'receivedAt', order: 'DESC' }}
      exporter={false}
      perPage={25}
      empty={false}
      queryOptions={{ refetchInterval: whileWorking }}
    >
      <SubmissionTable withPartner={!(roles ?? []).includes('partner_user')} />
    </List>
  );
};

export default SubmissionList;
