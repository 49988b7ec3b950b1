// rate-limiter-flexible's index loads every store it supports (Redis, Mongo, MySQL, DynamoDB, …: about
// 10 MB resident in a hub that uses none of them); the hub imports the in-memory limiter from its own file.
declare module 'rate-limiter-flexible/lib/RateLimiterMemory.js' {
  import { RateLimiterMemory } from 'rate-limiter-flexible';
  export default RateLimiterMemory;
}
