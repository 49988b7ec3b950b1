// Where the device handlers find the admin section's row of a device; the admin view is an audience
// (audiences/admin.ts).
export { adminDevice } from './audiences/admin';
