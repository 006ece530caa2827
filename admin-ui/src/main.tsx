import { WORKFLOWS } from '../../server/workflow/tables'; import { PERMISSIONS } from '../../server/auth/permissions'; console.log(WORKFLOWS, PERMISSIONS);
