export {
  anonymousForDigest,
  anonymousOrder,
  MIN_GROUP_FLOOR,
  mayShowAnonymous,
  mayShowCounts,
  minimumGroup,
  type Post,
} from './rule.ts';
