/** /preview: the full-window 3D preview. */
import { createPageLink } from '../net/page-link';
import { byId } from '../ui/dom';
import { mountStatusIndicator } from '../ui/status-indicator';
import { adminHandshake, mountAdminLogin } from '../panel/admin-login';
import { mountPreview } from './preview-view';

const service = await createPageLink('browser', { handshake: adminHandshake });
service.connect();
mountStatusIndicator(byId('link-status'), service, 'Hub');
mountAdminLogin(service);
mountPreview(byId('preview'), service);
