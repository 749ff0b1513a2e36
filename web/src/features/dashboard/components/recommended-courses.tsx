/**
 * "Recommended for you": placeholder until the recommendations work lands (issue 6, item 6).
 * The dashboard renders it; its data comes from the signed-in user's stored recommendations.
 */
export function RecommendedCourses() {
  return null;
}
