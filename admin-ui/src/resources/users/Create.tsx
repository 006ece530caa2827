import { Create, SimpleForm } from 'react-admin';
import { UserInputs, userPayload, type UserFormValues } from './UserInputs';

const UserCreate = () => (
  <Create redirect="list" transform={(values: UserFormValues) => userPayload(values, true)}>
    <SimpleForm defaultValues={{ roles: [], locale: 'en' }} sx={{ maxWidth: 640 }}>
      <UserInputs withPassword />
    </SimpleForm>
  </Create>
);

export default UserCreate;
