// Labelled form controls (input, select, textarea) with hint and error wired for screen readers.
import { dataLang } from "@/components/ui/data";

/** `id` is needed only where one page holds several forms with the same field names. */
type Common = { name: string; label: React.ReactNode; hint?: string; error?: string; id?: string };

/** The label, hint and error around one control; `control` gets the id and ARIA attributes. */
function Labelled({ name, label, hint, error, id: givenId, control }: Common & { control: (aria: Record<string, unknown>) => React.ReactNode }) {
  const id = givenId ?? `field-${name}`;
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      {control({ id, name, "aria-invalid": error ? true : undefined, "aria-describedby": described })}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}

const controlClass = "rounded border border-slate-500 bg-white px-3 py-2 aria-invalid:border-red-700";

export function Field(
  props: Common & { type?: string; defaultValue?: string; required?: boolean; autoComplete?: string; inputMode?: "text" | "numeric" | "tel" },
) {
  const { type = "text", defaultValue, required, autoComplete, inputMode } = props;
  return (
    <Labelled
      {...props}
      control={(aria) => (
        <input {...aria} type={type} defaultValue={defaultValue} required={required} autoComplete={autoComplete} inputMode={inputMode} className={controlClass} />
      )}
    />
  );
}

export function SelectField(props: Common & { options: { value: string; label: string }[]; defaultValue?: string }) {
  return (
    <Labelled
      {...props}
      control={(aria) => (
        // Keyed by its default: React applies a select's defaultValue only when it mounts, and a form
        // action resets the form to it — so a choice sent back with an error would be lost otherwise.
        <select key={props.defaultValue ?? ""} {...aria} defaultValue={props.defaultValue} className={controlClass}>
          {props.options.map((o) => (
            <option key={o.value} value={o.value} {...dataLang(o.label)}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

export function TextAreaField(props: Common & { defaultValue?: string; rows?: number; required?: boolean }) {
  return (
    <Labelled
      {...props}
      // What is typed here is data (usually Chinese): marked by its language like data shown anywhere.
      control={(aria) => <textarea {...aria} {...dataLang(props.defaultValue)} rows={props.rows ?? 3} defaultValue={props.defaultValue} required={props.required} className={controlClass} />}
    />
  );
}
