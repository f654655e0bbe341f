import type { ApplicationPageQuery } from "../graphql/generated/graphql";

type Assignment = NonNullable<NonNullable<ApplicationPageQuery["application"]>["helpDesks"]>[number];

const DAY_NAMES: Record<string, string> = {
  MONDAY: "Monday",
  TUESDAY: "Tuesday",
  WEDNESDAY: "Wednesday",
  THURSDAY: "Thursday",
  FRIDAY: "Friday",
  SATURDAY: "Saturday",
  SUNDAY: "Sunday",
};

function days(list: string[]): string {
  return list.map((day) => DAY_NAMES[day] ?? day).join(", ");
}

/** The current time in a desk's own zone, for "it is 3:05 PM there now". */
function nowIn(timeZone: string): string {
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone, weekday: "long", timeStyle: "short" }).format(new Date());
  } catch {
    return "";
  }
}

function contactHref(kind: string, value: string): string | undefined {
  if (kind === "PHONE" || kind === "TTY") return `tel:${value}`;
  if (kind === "EMAIL") return `mailto:${value}`;
  if (kind === "WEB") return value;
  return undefined;
}

const KIND_LABELS: Record<string, string> = {
  PHONE: "Phone",
  TTY: "TTY",
  FAX: "Fax",
  EMAIL: "Email",
  WEB: "Web",
  LOCAL_DESK: "Local help desk",
};

/** One application's help desks: contact points with menu steps, hours in the desk's own time zone, open now. */
export function HelpDesks({ assignments }: { assignments: Assignment[] }) {
  if (assignments.length === 0) return <p>No help desk is listed for this application.</p>;
  return (
    <ul className="help-desks">
      {assignments.map(({ helpDesk, purpose, primary }) => (
        <li key={helpDesk.id} className="help-desk">
          <h3>
            {helpDesk.name}
            {primary && <span className="tag">primary</span>}
          </h3>
          {purpose && <p>For: {purpose}</p>}
          {helpDesk.description && <p>{helpDesk.description}</p>}
          <p className={helpDesk.openNow ? "open" : "closed"}>
            {helpDesk.openNow === null || helpDesk.openNow === undefined
              ? "Hours not known"
              : helpDesk.openNow
                ? "Open now"
                : "Closed now"}
          </p>
          <ul className="contact-points">
            {helpDesk.contactPoints.map((point, index) => {
              const href = contactHref(point.kind, point.value);
              return (
                <li key={index}>
                  <span className="contact-kind">{KIND_LABELS[point.kind] ?? point.kind}:</span>{" "}
                  {href ? <a href={href}>{point.display}</a> : point.display}
                  {point.extension && <> extension {point.extension}</>}
                  {point.purpose && <> ({point.purpose})</>}
                  {point.menuSteps.length > 0 && (
                    <ol className="menu-steps" aria-label="Menu steps">
                      {point.menuSteps.map((step, stepIndex) => (
                        <li key={stepIndex}>{step}</li>
                      ))}
                    </ol>
                  )}
                </li>
              );
            })}
          </ul>
          {helpDesk.hours && (
            <div className="hours">
              <h4>Hours ({helpDesk.hours.timeZone.replace(/_/g, " ")} time)</h4>
              <ul>
                {helpDesk.hours.weekly.map((rule, index) => (
                  <li key={index}>
                    {days(rule.days)}: {rule.opens} to {rule.closes}
                  </li>
                ))}
                {helpDesk.hours.exceptions.map((exception) => (
                  <li key={exception.date}>
                    {exception.date}:{" "}
                    {exception.closed ? "closed" : `${exception.opens ?? ""} to ${exception.closes ?? ""}`}
                    {exception.note && ` (${exception.note})`}
                  </li>
                ))}
              </ul>
              <p className="meta">It is {nowIn(helpDesk.hours.timeZone)} there now.</p>
            </div>
          )}
          {helpDesk.notes.length > 0 && (
            <ul className="notes">
              {helpDesk.notes.map((note, index) => (
                <li key={index}>{note}</li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}
