// Only on segments without [id] children: a loading boundary would stream their notFound() with status 200.
export { PageLoading as default } from '@/components/ui/page-loading';
