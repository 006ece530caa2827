import { Box, Stack } from '@mui/material';
import { EditBase, EditView, SaveButton, SimpleForm, Toolbar, TopToolbar, useRecordContext } from 'react-admin';
import { useResourceQueryGate } from '../../auth/useResourceQueryGate';
import { EntityHistory } from '../../components/EntityHistory';
import { ResetPasswordButton } from './actions/ResetPasswordButton';
import { ToggleActiveButton } from './actions/ToggleActiveButton';
import { UserInputs, userPayload, type UserFormValues } from './UserInputs';
import { UserStatusChip } from './UserStatusChip';

const Actions = () => {
  const record = useRecordContext<{ active: boolean }>();
  return (
    <TopToolbar sx={{ alignItems: 'center' }}>
      <UserStatusChip active={record?.active} />
      <ResetPasswordButton />
      <ToggleActiveButton />
    </TopToolbar>
  );
};

const UserTitle = () => {
  const record = useRecordContext<{ name: string }>();
  return <>{record?.name ?? ''}</>;
};

const UserHistory = () => {
  const record = useRecordContext();
  return record ? <EntityHistory entityType="user" entityId={record.id} /> : null;
};

// There is no deleting users (their history must stay): deactivate instead.
const SaveOnlyToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

const UserEdit = () => (
  <EditBase mutationMode="pessimistic" transform={(values: UserFormValues) => userPayload(values, false)} redirect="list" queryOptions={useResourceQueryGate('users')}>
    <Stack spacing={2}>
      <EditView actions={<Actions />} title={<UserTitle />}>
        <SimpleForm toolbar={<SaveOnlyToolbar />} sx={{ maxWidth: 640 }}>
          <UserInputs withPassword={false} />
        </SimpleForm>
      </EditView>
      <Box>
        <UserHistory />
      </Box>
    </Stack>
  </EditBase>
);

export default UserEdit;
