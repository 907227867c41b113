/** The thank-you post for the community's own channel (`--community-post`). */
export { renderCommunityPost, markdownText, type PostOptions } from './render-post.js';
