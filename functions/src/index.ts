// The deployed functions at a glance: initializeApp() and re-exports only.
// First: region, memory, timeout and instance defaults for every function defined below.
import './config/global-options';
import { initializeApp } from 'firebase-admin/app';

initializeApp();

export { ensureProfile } from './accounts/ensure-profile.function';
export { deleteMyAccount, exportMyData } from './accounts/my-data.function';
export { onUserCreated } from './accounts/on-user-created.function';
export { onProfileWrittenIndexName } from './accounts/on-profile-written-name.function';
export { onProfileWrittenSyncRoleClaims } from './accounts/on-profile-written-roles.function';
export { decideEducatorApplication } from './admin/decide-educator-application.function';
export { setUserRoles } from './admin/set-user-roles.function';
export { setUserStatus } from './admin/set-user-status.function';
export { completeLocalCheckout } from './billing/complete-local-checkout.function';
export {
  completeLocalOnboarding,
  createConnectOnboardingLink,
  runLocalPayout,
} from './billing/connect-onboarding.function';
export { createCheckoutSession } from './billing/create-checkout-session.function';
export { onPaymentRefunded } from './billing/on-payment-refunded.function';
export { closePlusMonth, runPlusMonthClose } from './billing/plus-share/close-plus-month.function';
export { stripeWebhook } from './billing/stripe-webhook.function';
export {
  completeLocalPlusCheckout,
  createPlusCheckoutSession,
  createPlusPortalSession,
  localPlusPortalAction,
  startPlusLearning,
} from './plus/plus.function';
export { plusPeriodEndingReminders } from './plus/period-ending.function';
export { certificatePdf } from './courses/certificate-pdf.function';
export { backfillCredentials } from './credentials/backfill-credentials.function';
export { onCertificateCreatedSign } from './credentials/on-certificate-created-sign.function';
export { onExchangeFeedbackCreatedIssueCredentials } from './credentials/on-exchange-feedback-credentials.function';
export { openBadges } from './credentials/open-badges.function';
export { revokeCredential } from './credentials/revoke-credential.function';
export { completeLecture } from './courses/complete-lecture.function';
export { enrollInFreeCourse } from './courses/enroll-in-free-course.function';
export { recordLectureProgress } from './courses/record-lecture-progress.function';
export { moderateCourse } from './courses/moderate-course.function';
export { moderateRevision } from './courses/moderate-revision.function';
export { setCourseFeatured } from './courses/set-course-featured.function';
export { setCoursePlusExcluded } from './courses/set-course-plus-excluded.function';
export { onCourseWritten } from './courses/on-course-written.function';
export { onLectureWritten } from './courses/on-lecture-written.function';
export { onReviewWritten } from './courses/on-review-written.function';
export { publicPage } from './public-pages/public-page.function';
export { startQuizAttempt } from './courses/start-quiz-attempt.function';
export { submitQuiz } from './courses/submit-quiz.function';
export { onExchangeFeedbackCreated } from './exchange/on-exchange-feedback-created.function';
export { onExchangeMessageCreated } from './exchange/on-exchange-message-created.function';
export { onExchangeWritten } from './exchange/on-exchange-written.function';
export { onProfileWrittenMatchSkills } from './exchange/on-profile-written.function';
export { onProfileSkillsWrittenUpdateDirectory } from './exchange/on-profile-skills-written.function';
export { requestExchange } from './exchange/request-exchange.function';
export { proposeSwapCycles, respondToSwapCycle } from './exchange/swap-cycles.function';
export { confirmExchangeSession } from './exchange/confirm-session.function';
export { exchangeCallHeartbeat, getExchangeCallToken } from './exchange/call.function';
export { followEducator } from './follows/follow-educator.function';
export { onFanoutWritten } from './follows/on-fanout-written.function';
export { sweepFanouts } from './follows/sweep-fanouts.function';
export {
  confirmSwapCycleSession,
  cycleCallHeartbeat,
  getCycleCallToken,
} from './exchange/cycle-sessions.function';
export { onPointEventCreated } from './gamification/on-point-event-created.function';
export { leagueRollover } from './leagues/league-rollover.function';
export { onProfileUpdatedSyncLeaderboard } from './gamification/on-profile-updated.function';
export { onProfileWrittenAwardReferral } from './gamification/on-profile-referral.function';
export { endLiveSession, cancelLiveSession } from './live/end-live-session.function';
export { getLiveKitToken } from './live/get-livekit-token.function';
export { liveSessionJobs } from './live/live-session-jobs.function';
export { livekitWebhook } from './live/livekit-webhook.function';
export { moderateLiveParticipant } from './live/moderate-live-participant.function';
export { onLiveSessionWritten } from './live/on-live-session-written.function';
export { onLiveSessionEndedFollowUpQuestions } from './live/on-live-session-ended-questions.function';
export { onLivePresenceWritten } from './live/on-live-presence-written.function';
export { onPollVoteCreated } from './live/on-poll-vote-created.function';
export { publishSessionFaq, unpublishSessionFaq } from './live/publish-session-faq.function';
export { registerForLiveSession } from './live/register-for-live-session.function';
export {
  setSessionRecordingLink,
  startSessionRecording,
  stopSessionRecording,
} from './live/session-recording.function';
export { startLiveSession } from './live/start-live-session.function';
export {
  onEnrollmentWrittenRecommend,
  onProfileWrittenRecommend,
} from './recommendations/on-recommendation-inputs-written.function';
export {
  statsOnApplicationWritten,
  statsOnCourseWritten,
  statsOnEnrollmentWritten,
  statsOnExchangeWritten,
  statsOnLiveSessionWritten,
  statsOnPaymentWritten,
  statsOnUserWritten,
} from './stats/count-platform-stats.function';
export { refreshPlatformStats, statsDailyRollup } from './stats/daily-rollup.function';
export {
  foldCounterShards,
  foldCourseCounters,
  foldEarningsCounters,
  foldUserCounters,
} from './stats/fold-counter-shards.function';
export { sendNudges } from './nudges/send-nudges.function';
export { unsubscribe } from './notifications/unsubscribe.function';
