import type { FormMessage as Message } from './use-action-form';

/** The outcome of a form: a status after success, an alert after failure (or a status when `role` says so). */
export function FormMessage({
  message,
  role,
  as: Tag = 'p',
}: {
  message: Message | null;
  role?: 'status';
  as?: 'p' | 'span';
}) {
  if (!message) return null;
  return (
    <Tag role={role ?? (message.ok ? 'status' : 'alert')} className={message.ok ? 'subtle' : 'error'}>
      {message.text}
    </Tag>
  );
}

/** The sentences of one field next to its input. */
export function FieldError({ text, id }: { text: string | undefined; id?: string }) {
  return text ? (
    <span className="error" id={id}>
      {text}
    </span>
  ) : null;
}
