/**
 * Sends one admin command and shows what came of it: the control is marked busy until the hub replies
 * (docs/protocol.md: every command is answered or acknowledged, the reply echoing `_seq`), a refusal or a
 * missing reply becomes a message for the operator. Commands are paced under the hub's rate limit.
 */
import { systemClock, type Clock } from '@audioviz/shared-types';
import type { InboundMessage, OutboundMessage, WebSocketService } from '../net/websocket-service';
import { toast } from '../ui/toast';
import { CommandPacer } from './command-pacer';

export type SendCommand = (
  message: OutboundMessage,
  options?: {
    control?: HTMLElement | null;
    onReply?: (reply: InboundMessage) => void;
    /** Handles a refusal itself (return true) instead of the default message for the operator. */
    onError?: (error: Error) => boolean;
  },
) => void;

export function commandSender(service: WebSocketService, clock: Clock = systemClock): SendCommand {
  const pacer = new CommandPacer(clock);
  return (message, { control = null, onReply, onError } = {}) => {
    control?.classList.add('busy');
    const run = (): void => {
      service.request(message).then(
        (reply) => {
          control?.classList.remove('busy');
          onReply?.(reply);
        },
        (error: Error) => {
          control?.classList.remove('busy');
          if (onError?.(error) !== true) toast(`${message.type}: ${error.message}`, 'error');
        },
      );
    };
    if (!pacer.submit(run)) {
      control?.classList.remove('busy');
      toast(`${message.type} not sent: too many commands at once. Try again in a moment.`, 'error');
    }
  };
}
