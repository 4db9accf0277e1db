// Opening a shared plan section: the supervisor's notice carries an Open button, never the
// text. Open asks the access policy at that moment (the same rule the delivery worker asked
// before sending the notice), shows the section privately, and writes the read to the audit
// log; a refusal is audited too.

import { mayReceivePrivate } from '../../access/index.ts';
import { refusalView, type View } from '../../chat/index.ts';
import type { FieldCipher, PrismaClient } from '../../db/index.ts';
import { english, type Translate } from '../../i18n/index.ts';
import type { Clock } from '../../scheduling/index.ts';
import { sharedSectionView } from './plan-views.ts';
import { sectionByKey } from './sections.ts';

/** The AAD of a share's snapshot: bound to the share's row. */
export const SHARE_CONTEXT = 'PlanShare.text';

export function shareTime(at: Date, zone: string, locale = 'en'): string {
  return new Intl.DateTimeFormat(locale.startsWith('en') ? 'en-GB' : locale, {
    timeZone: zone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(at);
}

export async function openShare(
  deps: { readonly prisma: PrismaClient; readonly cipher: FieldCipher; readonly clock: Clock },
  readerId: string,
  shareId: string,
  t: Translate = english,
): Promise<View> {
  const { prisma, cipher, clock } = deps;
  const share = await prisma.planShare.findUnique({ where: { id: shareId }, include: { member: true } });
  const section = share ? sectionByKey(share.section) : undefined;
  if (!share || !section) return refusalView(t('plans.share.gone'));
  const request = {
    kind: 'plan-share' as const,
    subjectId: share.id,
    aboutMemberId: share.memberId,
    recipientMemberId: readerId,
    teamId: share.teamId,
  };
  const allowed = await mayReceivePrivate(prisma, request, readerId);
  await prisma.auditLog.create({
    data: {
      at: clock.now(),
      actorMemberId: readerId,
      action: allowed ? 'read.plan-share' : 'refused.plan-share.read',
      subjectType: 'Member',
      subjectId: share.memberId,
      detail: { shareId: share.id, section: share.section },
    },
  });
  if (!allowed) return refusalView(t('plans.share.notYours'));
  const text = cipher.decrypt(share.textEnc, SHARE_CONTEXT, share.id);
  return sharedSectionView(share.member.displayName, section, text, t);
}
