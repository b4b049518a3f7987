import fc from "fast-check";

/**
 * Permission profiles as data: `default_permissions` and `[permissions.<name>]` in a config or
 * requirements document. Names mix defined profiles, built-ins (`:workspace`, …) and a name nothing
 * defines; filesystem entries mix the special paths, an absolute path, a nested table, a `:name` no
 * release knows and, rarely, a relative path (which Codex refuses).
 */
export interface ProfileBody {
  extends?: string;
  filesystem?: Record<string, string | Record<string, string>>;
  network?: { enabled: boolean };
}

export interface ProfileDoc {
  default_permissions?: string;
  permissions?: Record<string, ProfileBody>;
}

export const DEFINED_PROFILES = ["dev", "locked"] as const;
export const BUILTIN_PROFILES = [":workspace", ":read-only", ":danger-full-access"] as const;
const ACCESS = ["read", "write", "none"] as const;

const access = (): fc.Arbitrary<string> => fc.constantFrom(...ACCESS);

const filesystem = (): fc.Arbitrary<ProfileBody["filesystem"]> =>
  fc.record(
    {
      ":root": access(),
      ":project_roots": fc.oneof(
        { weight: 3, arbitrary: access() },
        { weight: 1, arbitrary: fc.record({ docs: access() }) },
      ),
      ":tmpdir": access(),
      ":minimal": access(),
      "/srv/data": access(),
      ":future_path": access(),
      "relative/dir": access(),
    },
    { requiredKeys: [] },
  );

/** A name `default_permissions` or `extends` may give: defined, built-in, or undefined. */
const profileName = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...DEFINED_PROFILES) },
    { weight: 3, arbitrary: fc.constantFrom(...BUILTIN_PROFILES) },
    { weight: 1, arbitrary: fc.constant("nowhere") },
  );

/** One profile definition; the relative path is kept rare, since it refuses the whole run. */
export const profileBody = (): fc.Arbitrary<ProfileBody> =>
  fc
    .record(
      {
        extends: profileName(),
        filesystem: filesystem(),
        network: fc.boolean().map((enabled) => ({ enabled })),
      },
      { requiredKeys: [] },
    )
    .chain((body) =>
      fc.nat(5).map((n) => {
        if (n === 0 || !body.filesystem || !("relative/dir" in body.filesystem)) return body;
        const { "relative/dir": _dropped, ...rest } = body.filesystem;
        return { ...body, filesystem: rest };
      }),
    );

/** The profile part of a config or requirements document; each part appears about half the time. */
export const profileDoc = (): fc.Arbitrary<ProfileDoc> =>
  fc.record(
    {
      default_permissions: profileName(),
      permissions: fc.dictionary(fc.constantFrom(...DEFINED_PROFILES), profileBody(), { maxKeys: 2 }),
    },
    { requiredKeys: [] },
  );

/** `allowed_permission_profiles` in requirements: which names may be chosen. */
export const allowedProfiles = (): fc.Arbitrary<Record<string, boolean>> =>
  fc.dictionary(fc.constantFrom(...DEFINED_PROFILES, ...BUILTIN_PROFILES), fc.boolean(), {
    minKeys: 1,
    maxKeys: 3,
  });
