// An account in a narrow table cell: its kind as a short badge first (MAIN / FBE), then its name cut with "…" and
// the whole name on hover, so two accounts whose names start alike ("Demo MAIN", "Demo FBE") stay distinguishable.
import { useTranslation } from 'react-i18next';
import type { AccountKind } from '../../../shared/domain';

export function AccountCell({ name, kind }: { name: string; kind: AccountKind | undefined }) {
  const { t } = useTranslation();
  return (
    <span className="account-cell" title={kind ? `${name} · ${t(`settings.kinds.${kind}`)}` : name}>
      {kind && (
        <span className={`kind-badge kind-${kind}`} data-testid="account-kind-badge">
          {t(`layout.kindShort.${kind}`)}
        </span>
      )}
      <span className="ellipsis">{name}</span>
    </span>
  );
}
