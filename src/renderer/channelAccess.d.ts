/** Who may call each channel: the contract's `access`, read at build time (electron.vite.config.ts). */
declare module 'virtual:channel-access' {
  import type { ChannelAccess } from '../shared/ipc/access';
  import type { Channel } from '../shared/ipc/channels';

  export const channelAccess: Readonly<Record<Channel, ChannelAccess>>;
}
