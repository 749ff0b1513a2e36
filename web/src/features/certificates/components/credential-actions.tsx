import {
  achievementName,
  credentialFromPayload,
  ISSUER_NAME,
  linkedInAddToProfileUrl,
  parseCompactJws,
} from '@skillverse/domain/credentials';
import type { Certificate } from '@skillverse/domain/models';
import { buttonClasses } from '@/components/ui/button';
import { paths } from '@/config/paths';

/** The public verification URL of a certificate (what LinkedIn links to and the QR code encodes). */
export function certificateUrl(certificateId: string): string {
  return `${window.location.origin}${paths.certificateVerify.href(certificateId)}`;
}

function download(filename: string, type: string, content: string) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The OB 3.0 credential inside the certificate's VC-JWT, as pretty JSON (null if unsigned). */
function credentialJson(cert: Certificate): string | null {
  if (!cert.credentialJwt) return null;
  try {
    return JSON.stringify(credentialFromPayload(parseCompactJws(cert.credentialJwt).payload), null, 2);
  } catch {
    return null;
  }
}

/**
 * Share and keep a credential: add it to LinkedIn (pre-filled), download the Open Badges 3.0 JSON,
 * or the signed credential (VC-JWT) any verifier can check.
 */
export function CredentialActions({
  cert,
  size = 'md',
  share = true,
}: {
  cert: Certificate;
  size?: 'sm' | 'md';
  /** false: no "Add to LinkedIn" (a revoked or unverified credential is not for showing off). */
  share?: boolean;
}) {
  const name = achievementName({
    kind: cert.kind ?? 'course',
    courseTitle: cert.courseTitle,
    skill: cert.skill,
  });
  const linkedIn = linkedInAddToProfileUrl({
    name,
    organizationName: ISSUER_NAME,
    issuedAt: cert.issuedAt,
    certUrl: certificateUrl(cert.id),
    certId: cert.id,
  });
  const json = credentialJson(cert);
  const label = <span className="sr-only">: {name}</span>;
  // A fragment: the links join the caller's row of actions.
  return (
    <>
      {share ? (
        <a
          href={linkedIn}
          target="_blank"
          rel="noopener noreferrer"
          className={buttonClasses({ variant: 'secondary', size })}
        >
          Add to LinkedIn{label}
          <span className="sr-only"> (opens in a new tab)</span>
        </a>
      ) : null}
      {json && cert.credentialJwt ? (
        <>
          <button
            type="button"
            className={buttonClasses({ variant: 'secondary', size })}
            onClick={() => download(`skillverse-credential-${cert.id}.json`, 'application/json', json)}
          >
            Download JSON{label}
          </button>
          <button
            type="button"
            className={buttonClasses({ variant: 'ghost', size })}
            onClick={() =>
              download(
                `skillverse-credential-${cert.id}.jwt`,
                'application/vc+jwt',
                cert.credentialJwt as string,
              )
            }
          >
            Download signed credential{label}
          </button>
        </>
      ) : null}
    </>
  );
}
