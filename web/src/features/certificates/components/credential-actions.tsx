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
import { downloadText } from '@/lib/download';

/** The public verification URL of a certificate (what LinkedIn links to and the QR code encodes). */
export function certificateUrl(certificateId: string): string {
  return `${window.location.origin}${paths.certificateVerify.href(certificateId)}`;
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
            onClick={() => downloadText(`skillverse-credential-${cert.id}.json`, json, 'application/json')}
          >
            Download JSON{label}
          </button>
          <button
            type="button"
            className={buttonClasses({ variant: 'ghost', size })}
            onClick={() =>
              downloadText(
                `skillverse-credential-${cert.id}.jwt`,
                cert.credentialJwt as string,
                'application/vc+jwt',
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
