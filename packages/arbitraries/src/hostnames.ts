import fc from "fast-check";

const LABELS = ["dev", "box1", "build", "ci", "web", "db"] as const;
const DOMAINS = ["example.com", "corp.example.com", "devbox.example.com", "example.org"] as const;

/** A DNS label from a small alphabet, so patterns and hosts collide often. */
export const label = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...LABELS) },
    { weight: 1, arbitrary: fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/) },
  );

export const domain = (): fc.Arbitrary<string> => fc.constantFrom(...DOMAINS);

/** A short kernel hostname (no dot). */
export const shortHostname = (): fc.Arbitrary<string> => label();

/** A fully qualified name: one or two labels under a known domain, sometimes upper-cased or with a trailing dot (rule 32). */
export const fqdn = (): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.array(label(), { minLength: 1, maxLength: 2 }),
      domain(),
      fc.constantFrom("plain", "upper", "trailing-dot"),
    )
    .map(([ls, d, style]) => {
      const name = [...ls, d].join(".");
      return style === "upper" ? name.toUpperCase() : style === "trailing-dot" ? `${name}.` : name;
    });

/** Host as a scenario writes it: kernel hostname plus an optional resolver FQDN (rule 33). */
export const host = (): fc.Arbitrary<{ os: "linux"; hostname: string; fqdn?: string }> =>
  fc.oneof(
    fc.record({ os: fc.constant("linux" as const), hostname: shortHostname() }),
    fc.record({ os: fc.constant("linux" as const), hostname: shortHostname(), fqdn: fqdn() }),
    fc.record({ os: fc.constant("linux" as const), hostname: fqdn() }),
  );

/** Hostname patterns: wildcards, `?`, exact names, bracket literals, whitespace and case noise (rules 31, 32). */
export const hostnamePattern = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: domain().map((d) => `*.${d}`) },
    { weight: 2, arbitrary: fqdn() },
    { weight: 1, arbitrary: fc.constant("*") },
    { weight: 1, arbitrary: shortHostname() },
    { weight: 1, arbitrary: fc.tuple(label(), domain()).map(([l, d]) => `${l.slice(0, -1)}?.${d}`) },
    { weight: 1, arbitrary: domain().map((d) => `.${d}`) },
    { weight: 1, arbitrary: domain().map((d) => `[dev].${d}`) },
    { weight: 1, arbitrary: domain().map((d) => `  *.${d.toUpperCase()} `) },
  );
