import { useId } from 'react';
import { FieldError } from './form-message';

export type SelectOption = { value: string; label: string; disabled?: boolean };

type Props = {
  name: string;
  /** The visible label; the select is inside it, so the label names the control. */
  label: string;
  options: readonly SelectOption[];
  /** A first, disabled option saying what to choose; the select starts on it (a deliberate choice, no default). */
  placeholder?: string;
  defaultValue?: string;
  /** Controlled value (with onChange); leave out for a select posted with its form as chosen. */
  value?: string;
  onChange?: (value: string) => void;
  required?: boolean;
  /** The field's error sentence (useActionForm's errorOf): shown under the select, linked to it, marks it invalid. */
  error?: string;
  className?: string;
};

/**
 * One labelled select of a form: label, options, an optional placeholder, the field's error next to it
 * (aria-invalid + aria-describedby). Forms use it instead of repeating label/select/option/FieldError by hand.
 */
export function SelectField({
  name,
  label,
  options,
  placeholder,
  defaultValue,
  value,
  onChange,
  required,
  error,
  className,
}: Props) {
  const errorId = `${useId()}-error`;
  const initial = value === undefined ? (defaultValue ?? (placeholder === undefined ? undefined : '')) : undefined;
  return (
    <label className={className}>
      {label}
      <select
        name={name}
        required={required}
        value={value}
        defaultValue={initial}
        onChange={onChange ? (event) => onChange(event.target.value) : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      >
        {placeholder !== undefined && (
          <option value="" disabled>
            {placeholder}
          </option>
        )}
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError id={errorId} text={error} />
    </label>
  );
}
