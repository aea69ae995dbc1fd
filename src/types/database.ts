export type Json =
  | string
  | number
  | boolean
  | null
  | { [key: string]: Json | undefined }
  | Json[]

export type Database = {
  public: {
    Tables: {
      api_keys: {
        Row: {
          created_at: string
          created_by: string | null
          expires_at: string | null
          id: string
          key_hash: string
          key_prefix: string
          last_used_at: string | null
          name: string
          rate_limit_per_minute: number
          revoked_at: string | null
          revoked_by: string | null
          scopes: string[]
          tenant_id: string
          updated_at: string
          user_id: string
        }
        Insert: {
          created_at?: string
          created_by?: string | null
          expires_at?: string | null
          id?: string
          key_hash: string
          key_prefix: string
          last_used_at?: string | null
          name: string
          rate_limit_per_minute?: number
          revoked_at?: string | null
          revoked_by?: string | null
          scopes?: string[]
          tenant_id: string
          updated_at?: string
          user_id: string
        }
        Update: {
          created_at?: string
          created_by?: string | null
          expires_at?: string | null
          id?: string
          key_hash?: string
          key_prefix?: string
          last_used_at?: string | null
          name?: string
          rate_limit_per_minute?: number
          revoked_at?: string | null
          revoked_by?: string | null
          scopes?: string[]
          tenant_id?: string
          updated_at?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "api_keys_created_by_fkey"
            columns: ["created_by"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "api_keys_revoked_by_fkey"
            columns: ["revoked_by"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "api_keys_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "api_keys_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
        ]
      }
      audit_logs: {
        Row: {
          action: Database["public"]["Enums"]["audit_action"]
          actor_id: string | null
          actor_role: string | null
          changed_columns: string[] | null
          created_at: string
          hash: string
          id: string
          ip_address: unknown
          metadata: NonNullable<Json>
          new_data: Json | null
          old_data: Json | null
          prev_hash: string | null
          record_id: string | null
          seq: number
          table_name: string | null
          tenant_id: string | null
          user_agent: string | null
          actor: {
            auth_user_id: string | null
            avatar_url: string | null
            clerk_id: string | null
            created_at: string
            deleted_at: string | null
            email: string
            email_verified_at: string | null
            full_name: string | null
            id: string
            last_sign_in_at: string | null
            metadata: NonNullable<Json>
            phone: string | null
            role: Database["public"]["Enums"]["user_role"]
            staff_role: string | null
            status: Database["public"]["Enums"]["user_status"]
            tenant_id: string
            updated_at: string
            verification_status: Database["public"]["Enums"]["verification_status"]
          } | null
        }
        Insert: {
          action: Database["public"]["Enums"]["audit_action"]
          actor_id?: string | null
          actor_role?: string | null
          changed_columns?: string[] | null
          created_at?: string
          hash: string
          id?: string
          ip_address?: unknown
          metadata?: NonNullable<Json>
          new_data?: Json | null
          old_data?: Json | null
          prev_hash?: string | null
          record_id?: string | null
          seq?: number
          table_name?: string | null
          tenant_id?: string | null
          user_agent?: string | null
        }
        Update: {
          action?: Database["public"]["Enums"]["audit_action"]
          actor_id?: string | null
          actor_role?: string | null
          changed_columns?: string[] | null
          created_at?: string
          hash?: string
          id?: string
          ip_address?: unknown
          metadata?: NonNullable<Json>
          new_data?: Json | null
          old_data?: Json | null
          prev_hash?: string | null
          record_id?: string | null
          seq?: number
          table_name?: string | null
          tenant_id?: string | null
          user_agent?: string | null
        }
        Relationships: []
      }
      availability_overrides: {
        Row: {
          created_at: string
          end_time: string | null
          id: string
          is_available: boolean
          override_date: string
          provider_id: string
          reason: string | null
          start_time: string | null
          tenant_id: string
          timezone: string
          updated_at: string
        }
        Insert: {
          created_at?: string
          end_time?: string | null
          id?: string
          is_available?: boolean
          override_date: string
          provider_id: string
          reason?: string | null
          start_time?: string | null
          tenant_id: string
          timezone?: string
          updated_at?: string
        }
        Update: {
          created_at?: string
          end_time?: string | null
          id?: string
          is_available?: boolean
          override_date?: string
          provider_id?: string
          reason?: string | null
          start_time?: string | null
          tenant_id?: string
          timezone?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "availability_overrides_provider_id_fkey"
            columns: ["provider_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "availability_overrides_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
        ]
      }
      bookings: {
        Row: {
          cancellation_policy: string
          cancellation_reason: string | null
          cancelled_at: string | null
          cancelled_by: string | null
          completed_at: string | null
          confirmation_code: string
          confirmed_at: string | null
          created_at: string
          currency: string
          customer_id: string
          customer_notes: string | null
          dispute_reason: string | null
          disputed_at: string | null
          id: string
          listing_id: string
          location_type: Database["public"]["Enums"]["location_type"]
          platform_fee_cents: number
          processing_fee_cents: number
          provider_id: string
          provider_notes: string | null
          refunded_at: string | null
          scheduled_end: string
          scheduled_start: string
          service_address: NonNullable<Json>
          service_location: unknown
          started_at: string | null
          status: Database["public"]["Enums"]["booking_status"]
          subtotal_cents: number
          tax_cents: number
          tenant_id: string
          timezone: string
          total_cents: number
          updated_at: string
        }
        Insert: {
          cancellation_policy?: string
          cancellation_reason?: string | null
          cancelled_at?: string | null
          cancelled_by?: string | null
          completed_at?: string | null
          confirmation_code: string
          confirmed_at?: string | null
          created_at?: string
          currency?: string
          customer_id: string
          customer_notes?: string | null
          dispute_reason?: string | null
          disputed_at?: string | null
          id?: string
          listing_id: string
          location_type?: Database["public"]["Enums"]["location_type"]
          platform_fee_cents?: number
          processing_fee_cents?: number
          provider_id: string
          provider_notes?: string | null
          refunded_at?: string | null
          scheduled_end: string
          scheduled_start: string
          service_address?: NonNullable<Json>
          service_location?: unknown
          started_at?: string | null
          status?: Database["public"]["Enums"]["booking_status"]
          subtotal_cents: number
          tax_cents?: number
          tenant_id: string
          timezone?: string
          total_cents: number
          updated_at?: string
        }
        Update: {
          cancellation_policy?: string
          cancellation_reason?: string | null
          cancelled_at?: string | null
          cancelled_by?: string | null
          completed_at?: string | null
          confirmation_code?: string
          confirmed_at?: string | null
          created_at?: string
          currency?: string
          customer_id?: string
          customer_notes?: string | null
          dispute_reason?: string | null
          disputed_at?: string | null
          id?: string
          listing_id?: string
          location_type?: Database["public"]["Enums"]["location_type"]
          platform_fee_cents?: number
          processing_fee_cents?: number
          provider_id?: string
          provider_notes?: string | null
          refunded_at?: string | null
          scheduled_end?: string
          scheduled_start?: string
          service_address?: NonNullable<Json>
          service_location?: unknown
          started_at?: string | null
          status?: Database["public"]["Enums"]["booking_status"]
          subtotal_cents?: number
          tax_cents?: number
          tenant_id?: string
          timezone?: string
          total_cents?: number
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "bookings_cancelled_by_fkey"
            columns: ["cancelled_by"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "bookings_customer_id_fkey"
            columns: ["customer_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "bookings_listing_id_fkey"
            columns: ["listing_id"]
            isOneToOne: false
            referencedRelation: "listings"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "bookings_provider_id_fkey"
            columns: ["provider_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "bookings_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
        ]
      }
      categories: {
        Row: {
          created_at: string
          depth: number
          description: string | null
          icon: string | null
          id: string
          is_active: boolean
          name: string
          parent_id: string | null
          path: string
          slug: string
          sort_order: number
          updated_at: string
        }
        Insert: {
          created_at?: string
          depth?: number
          description?: string | null
          icon?: string | null
          id?: string
          is_active?: boolean
          name: string
          parent_id?: string | null
          path?: string
          slug: string
          sort_order?: number
          updated_at?: string
        }
        Update: {
          created_at?: string
          depth?: number
          description?: string | null
          icon?: string | null
          id?: string
          is_active?: boolean
          name?: string
          parent_id?: string | null
          path?: string
          slug?: string
          sort_order?: number
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "categories_parent_id_fkey"
            columns: ["parent_id"]
            isOneToOne: false
            referencedRelation: "categories"
            referencedColumns: ["id"]
          },
        ]
      }
      cities: {
        Row: {
          admin_area: string | null
          country_code: string
          created_at: string
          id: string
          is_active: boolean
          location: unknown
          name: string
          population: number | null
          region_id: string
          slug: string
          timezone: string | null
          updated_at: string
        }
        Insert: {
          admin_area?: string | null
          country_code: string
          created_at?: string
          id?: string
          is_active?: boolean
          location: unknown
          name: string
          population?: number | null
          region_id: string
          slug: string
          timezone?: string | null
          updated_at?: string
        }
        Update: {
          admin_area?: string | null
          country_code?: string
          created_at?: string
          id?: string
          is_active?: boolean
          location?: unknown
          name?: string
          population?: number | null
          region_id?: string
          slug?: string
          timezone?: string | null
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "cities_region_id_fkey"
            columns: ["region_id"]
            isOneToOne: false
            referencedRelation: "regions"
            referencedColumns: ["id"]
          },
        ]
      }
      content_reports: {
        Row: {
          created_at: string
          details: string | null
          id: string
          reason: string
          reporter_id: string
          resolution: string | null
          resolution_note: string | null
          resolved_at: string | null
          resolved_by: string | null
          status: Database["public"]["Enums"]["report_status"]
          target_id: string
          target_type: string
          tenant_id: string
          updated_at: string
        }
        Insert: {
          created_at?: string
          details?: string | null
          id?: string
          reason: string
          reporter_id: string
          resolution?: string | null
          resolution_note?: string | null
          resolved_at?: string | null
          resolved_by?: string | null
          status?: Database["public"]["Enums"]["report_status"]
          target_id: string
          target_type: string
          tenant_id: string
          updated_at?: string
        }
        Update: {
          created_at?: string
          details?: string | null
          id?: string
          reason?: string
          reporter_id?: string
          resolution?: string | null
          resolution_note?: string | null
          resolved_at?: string | null
          resolved_by?: string | null
          status?: Database["public"]["Enums"]["report_status"]
          target_id?: string
          target_type?: string
          tenant_id?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "content_reports_reporter_id_fkey"
            columns: ["reporter_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "content_reports_resolved_by_fkey"
            columns: ["resolved_by"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "content_reports_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
        ]
      }
      conversations: {
        Row: {
          archived_at: string | null
          booking_id: string | null
          created_at: string
          created_by: string
          id: string
          last_message_at: string | null
          last_message_preview: string | null
          participant_ids: string[]
          subject: string | null
          tenant_id: string
          updated_at: string
        }
        Insert: {
          archived_at?: string | null
          booking_id?: string | null
          created_at?: string
          created_by: string
          id?: string
          last_message_at?: string | null
          last_message_preview?: string | null
          participant_ids: string[]
          subject?: string | null
          tenant_id: string
          updated_at?: string
        }
        Update: {
          archived_at?: string | null
          booking_id?: string | null
          created_at?: string
          created_by?: string
          id?: string
          last_message_at?: string | null
          last_message_preview?: string | null
          participant_ids?: string[]
          subject?: string | null
          tenant_id?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "conversations_booking_id_fkey"
            columns: ["booking_id"]
            isOneToOne: false
            referencedRelation: "bookings"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "conversations_created_by_fkey"
            columns: ["created_by"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "conversations_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
        ]
      }
      events: {
        Row: {
          created_at: string
          id: number
          ip_address: unknown
          name: string
          occurred_at: string
          page_url: string | null
          properties: NonNullable<Json>
          received_at: string
          referrer: string | null
          session_id: string | null
          tenant_id: string
          updated_at: string
          user_agent: string | null
          user_id: string | null
        }
        Insert: {
          created_at?: string
          id?: never
          ip_address?: unknown
          name: string
          occurred_at?: string
          page_url?: string | null
          properties?: NonNullable<Json>
          received_at?: string
          referrer?: string | null
          session_id?: string | null
          tenant_id: string
          updated_at?: string
          user_agent?: string | null
          user_id?: string | null
        }
        Update: {
          created_at?: string
          id?: never
          ip_address?: unknown
          name?: string
          occurred_at?: string
          page_url?: string | null
          properties?: NonNullable<Json>
          received_at?: string
          referrer?: string | null
          session_id?: string | null
          tenant_id?: string
          updated_at?: string
          user_agent?: string | null
          user_id?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "events_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "events_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
        ]
      }
      feature_flag_segments: {
        Row: {
          constraints: NonNullable<Json>
          created_at: string
          created_by: string | null
          description: string | null
          id: string
          key: string
          name: string
          tenant_id: string
          updated_at: string
          updated_by: string | null
        }
        Insert: {
          constraints?: NonNullable<Json>
          created_at?: string
          created_by?: string | null
          description?: string | null
          id?: string
          key: string
          name: string
          tenant_id?: string
          updated_at?: string
          updated_by?: string | null
        }
        Update: {
          constraints?: NonNullable<Json>
          created_at?: string
          created_by?: string | null
          description?: string | null
          id?: string
          key?: string
          name?: string
          tenant_id?: string
          updated_at?: string
          updated_by?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "feature_flag_segments_created_by_fkey"
            columns: ["created_by"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "feature_flag_segments_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "feature_flag_segments_updated_by_fkey"
            columns: ["updated_by"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
        ]
      }
      feature_flag_versions: {
        Row: {
          changed_at: string
          changed_by: string | null
          config: NonNullable<Json>
          flag_id: string
          id: number
          note: string | null
          tenant_id: string
          version: number
        }
        Insert: {
          changed_at?: string
          changed_by?: string | null
          config: NonNullable<Json>
          flag_id: string
          id?: never
          note?: string | null
          tenant_id: string
          version: number
        }
        Update: {
          changed_at?: string
          changed_by?: string | null
          config?: NonNullable<Json>
          flag_id?: string
          id?: never
          note?: string | null
          tenant_id?: string
          version?: number
        }
        Relationships: [
          {
            foreignKeyName: "feature_flag_versions_changed_by_fkey"
            columns: ["changed_by"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "feature_flag_versions_flag_id_fkey"
            columns: ["flag_id"]
            isOneToOne: false
            referencedRelation: "feature_flags"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "feature_flag_versions_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
        ]
      }
      feature_flags: {
        Row: {
          created_at: string
          created_by: string | null
          description: string | null
          flag_type: string
          id: string
          is_enabled: boolean
          key: string
          kill_reason: string | null
          kill_switch: boolean
          killed_at: string | null
          killed_by: string | null
          name: string
          rollout_changed_at: string
          rollout_percentage: number
          stale_marked_at: string | null
          stale_marked_by: string | null
          targeting_rules: NonNullable<Json>
          tenant_id: string
          updated_at: string
          updated_by: string | null
          variants: NonNullable<Json>
          feature_flag_stale_reason: string | null
        }
        Insert: {
          created_at?: string
          created_by?: string | null
          description?: string | null
          flag_type?: string
          id?: string
          is_enabled?: boolean
          key: string
          kill_reason?: string | null
          kill_switch?: boolean
          killed_at?: string | null
          killed_by?: string | null
          name: string
          rollout_changed_at?: string
          rollout_percentage?: number
          stale_marked_at?: string | null
          stale_marked_by?: string | null
          targeting_rules?: NonNullable<Json>
          tenant_id?: string
          updated_at?: string
          updated_by?: string | null
          variants?: NonNullable<Json>
        }
        Update: {
          created_at?: string
          created_by?: string | null
          description?: string | null
          flag_type?: string
          id?: string
          is_enabled?: boolean
          key?: string
          kill_reason?: string | null
          kill_switch?: boolean
          killed_at?: string | null
          killed_by?: string | null
          name?: string
          rollout_changed_at?: string
          rollout_percentage?: number
          stale_marked_at?: string | null
          stale_marked_by?: string | null
          targeting_rules?: NonNullable<Json>
          tenant_id?: string
          updated_at?: string
          updated_by?: string | null
          variants?: NonNullable<Json>
        }
        Relationships: [
          {
            foreignKeyName: "feature_flags_created_by_fkey"
            columns: ["created_by"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "feature_flags_killed_by_fkey"
            columns: ["killed_by"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "feature_flags_stale_marked_by_fkey"
            columns: ["stale_marked_by"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "feature_flags_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "feature_flags_updated_by_fkey"
            columns: ["updated_by"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
        ]
      }
      file_uploads: {
        Row: {
          bucket: string
          checksum_sha256: string | null
          created_at: string
          deleted_at: string | null
          deleted_by: string | null
          duration_seconds: number | null
          entity_id: string | null
          entity_type: string | null
          file_name: string
          file_type: string
          height: number | null
          id: string
          is_public: boolean
          metadata: NonNullable<Json>
          mime_type: string
          size_bytes: number
          storage_path: string
          storage_provider: string
          tenant_id: string
          updated_at: string
          uploaded_by: string
          usage_count: number
          width: number | null
        }
        Insert: {
          bucket: string
          checksum_sha256?: string | null
          created_at?: string
          deleted_at?: string | null
          deleted_by?: string | null
          duration_seconds?: number | null
          entity_id?: string | null
          entity_type?: string | null
          file_name: string
          file_type: string
          height?: number | null
          id?: string
          is_public?: boolean
          metadata?: NonNullable<Json>
          mime_type: string
          size_bytes: number
          storage_path: string
          storage_provider?: string
          tenant_id: string
          updated_at?: string
          uploaded_by: string
          usage_count?: number
          width?: number | null
        }
        Update: {
          bucket?: string
          checksum_sha256?: string | null
          created_at?: string
          deleted_at?: string | null
          deleted_by?: string | null
          duration_seconds?: number | null
          entity_id?: string | null
          entity_type?: string | null
          file_name?: string
          file_type?: string
          height?: number | null
          id?: string
          is_public?: boolean
          metadata?: NonNullable<Json>
          mime_type?: string
          size_bytes?: number
          storage_path?: string
          storage_provider?: string
          tenant_id?: string
          updated_at?: string
          uploaded_by?: string
          usage_count?: number
          width?: number | null
        }
        Relationships: [
          {
            foreignKeyName: "file_uploads_deleted_by_fkey"
            columns: ["deleted_by"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "file_uploads_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "file_uploads_uploaded_by_fkey"
            columns: ["uploaded_by"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
        ]
      }
      finance_daily_rollups: {
        Row: {
          category_id: string | null
          city_id: string | null
          currency: string
          day: string
          gmv_cents: number
          id: number
          payments: number
          payout_cents: number
          payouts: number
          platform_fee_cents: number
          processing_fee_cents: number
          provider_id: string | null
          refund_cents: number
          refunded_fee_cents: number
          refunds: number
          region_id: string | null
          tax_cents: number
          tenant_id: string
        }
        Insert: {
          category_id?: string | null
          city_id?: string | null
          currency: string
          day: string
          gmv_cents?: number
          id?: never
          payments?: number
          payout_cents?: number
          payouts?: number
          platform_fee_cents?: number
          processing_fee_cents?: number
          provider_id?: string | null
          refund_cents?: number
          refunded_fee_cents?: number
          refunds?: number
          region_id?: string | null
          tax_cents?: number
          tenant_id: string
        }
        Update: {
          category_id?: string | null
          city_id?: string | null
          currency?: string
          day?: string
          gmv_cents?: number
          id?: never
          payments?: number
          payout_cents?: number
          payouts?: number
          platform_fee_cents?: number
          processing_fee_cents?: number
          provider_id?: string | null
          refund_cents?: number
          refunded_fee_cents?: number
          refunds?: number
          region_id?: string | null
          tax_cents?: number
          tenant_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "finance_daily_rollups_category_id_fkey"
            columns: ["category_id"]
            isOneToOne: false
            referencedRelation: "categories"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "finance_daily_rollups_city_id_fkey"
            columns: ["city_id"]
            isOneToOne: false
            referencedRelation: "cities"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "finance_daily_rollups_provider_id_fkey"
            columns: ["provider_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "finance_daily_rollups_region_id_fkey"
            columns: ["region_id"]
            isOneToOne: false
            referencedRelation: "regions"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "finance_daily_rollups_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
        ]
      }
      finance_daily_totals: {
        Row: {
          currency: string
          day: string
          gmv_cents: number
          payments: number
          payout_cents: number
          payouts: number
          platform_fee_cents: number
          processing_fee_cents: number
          refund_cents: number
          refunded_fee_cents: number
          refunds: number
          tax_cents: number
          tenant_id: string
        }
        Insert: {
          currency: string
          day: string
          gmv_cents?: number
          payments?: number
          payout_cents?: number
          payouts?: number
          platform_fee_cents?: number
          processing_fee_cents?: number
          refund_cents?: number
          refunded_fee_cents?: number
          refunds?: number
          tax_cents?: number
          tenant_id: string
        }
        Update: {
          currency?: string
          day?: string
          gmv_cents?: number
          payments?: number
          payout_cents?: number
          payouts?: number
          platform_fee_cents?: number
          processing_fee_cents?: number
          refund_cents?: number
          refunded_fee_cents?: number
          refunds?: number
          tax_cents?: number
          tenant_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "finance_daily_totals_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
        ]
      }
      finance_monthly_places: {
        Row: {
          category_id: string | null
          city_id: string | null
          currency: string
          gmv_cents: number
          id: number
          month: string
          payments: number
          payout_cents: number
          payouts: number
          platform_fee_cents: number
          processing_fee_cents: number
          refund_cents: number
          refunded_fee_cents: number
          refunds: number
          region_id: string | null
          tax_cents: number
          tenant_id: string
        }
        Insert: {
          category_id?: string | null
          city_id?: string | null
          currency: string
          gmv_cents?: number
          id?: never
          month: string
          payments?: number
          payout_cents?: number
          payouts?: number
          platform_fee_cents?: number
          processing_fee_cents?: number
          refund_cents?: number
          refunded_fee_cents?: number
          refunds?: number
          region_id?: string | null
          tax_cents?: number
          tenant_id: string
        }
        Update: {
          category_id?: string | null
          city_id?: string | null
          currency?: string
          gmv_cents?: number
          id?: never
          month?: string
          payments?: number
          payout_cents?: number
          payouts?: number
          platform_fee_cents?: number
          processing_fee_cents?: number
          refund_cents?: number
          refunded_fee_cents?: number
          refunds?: number
          region_id?: string | null
          tax_cents?: number
          tenant_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "finance_monthly_places_category_id_fkey"
            columns: ["category_id"]
            isOneToOne: false
            referencedRelation: "categories"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "finance_monthly_places_city_id_fkey"
            columns: ["city_id"]
            isOneToOne: false
            referencedRelation: "cities"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "finance_monthly_places_region_id_fkey"
            columns: ["region_id"]
            isOneToOne: false
            referencedRelation: "regions"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "finance_monthly_places_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
        ]
      }
      finance_monthly_providers: {
        Row: {
          currency: string
          gmv_cents: number
          id: number
          month: string
          payments: number
          payout_cents: number
          payouts: number
          platform_fee_cents: number
          processing_fee_cents: number
          provider_id: string | null
          refund_cents: number
          refunded_fee_cents: number
          refunds: number
          tax_cents: number
          tenant_id: string
        }
        Insert: {
          currency: string
          gmv_cents?: number
          id?: never
          month: string
          payments?: number
          payout_cents?: number
          payouts?: number
          platform_fee_cents?: number
          processing_fee_cents?: number
          provider_id?: string | null
          refund_cents?: number
          refunded_fee_cents?: number
          refunds?: number
          tax_cents?: number
          tenant_id: string
        }
        Update: {
          currency?: string
          gmv_cents?: number
          id?: never
          month?: string
          payments?: number
          payout_cents?: number
          payouts?: number
          platform_fee_cents?: number
          processing_fee_cents?: number
          provider_id?: string | null
          refund_cents?: number
          refunded_fee_cents?: number
          refunds?: number
          tax_cents?: number
          tenant_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "finance_monthly_providers_provider_id_fkey"
            columns: ["provider_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "finance_monthly_providers_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
        ]
      }
      invoice_items: {
        Row: {
          amount_cents: number | null
          created_at: string
          description: string
          id: string
          invoice_id: string
          period_end: string | null
          period_start: string | null
          quantity: number
          tax_cents: number | null
          tax_rate_bps: number
          tenant_id: string
          unit_amount_cents: number
          updated_at: string
        }
        Insert: {
          amount_cents?: never
          created_at?: string
          description: string
          id?: string
          invoice_id: string
          period_end?: string | null
          period_start?: string | null
          quantity?: number
          tax_cents?: never
          tax_rate_bps?: number
          tenant_id: string
          unit_amount_cents: number
          updated_at?: string
        }
        Update: {
          amount_cents?: never
          created_at?: string
          description?: string
          id?: string
          invoice_id?: string
          period_end?: string | null
          period_start?: string | null
          quantity?: number
          tax_cents?: never
          tax_rate_bps?: number
          tenant_id?: string
          unit_amount_cents?: number
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "invoice_items_invoice_id_fkey"
            columns: ["invoice_id"]
            isOneToOne: false
            referencedRelation: "invoices"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "invoice_items_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
        ]
      }
      invoices: {
        Row: {
          booking_id: string | null
          created_at: string
          currency: string
          due_at: string
          id: string
          issued_at: string
          notes: string | null
          number: string
          paid_at: string | null
          status: string
          stripe_invoice_id: string | null
          subscription_id: string | null
          subtotal_cents: number
          tax_cents: number
          tenant_id: string
          total_cents: number
          updated_at: string
          user_id: string
          voided_at: string | null
        }
        Insert: {
          booking_id?: string | null
          created_at?: string
          currency?: string
          due_at?: string
          id?: string
          issued_at?: string
          notes?: string | null
          number: string
          paid_at?: string | null
          status?: string
          stripe_invoice_id?: string | null
          subscription_id?: string | null
          subtotal_cents?: number
          tax_cents?: number
          tenant_id: string
          total_cents?: number
          updated_at?: string
          user_id: string
          voided_at?: string | null
        }
        Update: {
          booking_id?: string | null
          created_at?: string
          currency?: string
          due_at?: string
          id?: string
          issued_at?: string
          notes?: string | null
          number?: string
          paid_at?: string | null
          status?: string
          stripe_invoice_id?: string | null
          subscription_id?: string | null
          subtotal_cents?: number
          tax_cents?: number
          tenant_id?: string
          total_cents?: number
          updated_at?: string
          user_id?: string
          voided_at?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "invoices_booking_id_fkey"
            columns: ["booking_id"]
            isOneToOne: false
            referencedRelation: "bookings"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "invoices_subscription_id_fkey"
            columns: ["subscription_id"]
            isOneToOne: false
            referencedRelation: "subscriptions"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "invoices_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "invoices_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
        ]
      }
      listing_approved_versions: {
        Row: {
          approved_at: string
          approved_by: string | null
          category_id: string | null
          currency: string
          description: string
          listing_id: string
          media: NonNullable<Json>
          previous: Json | null
          price_cents: number
          pricing_type: Database["public"]["Enums"]["pricing_type"]
          tenant_id: string
          title: string
        }
        Insert: {
          approved_at?: string
          approved_by?: string | null
          category_id?: string | null
          currency: string
          description: string
          listing_id: string
          media: NonNullable<Json>
          previous?: Json | null
          price_cents: number
          pricing_type: Database["public"]["Enums"]["pricing_type"]
          tenant_id: string
          title: string
        }
        Update: {
          approved_at?: string
          approved_by?: string | null
          category_id?: string | null
          currency?: string
          description?: string
          listing_id?: string
          media?: NonNullable<Json>
          previous?: Json | null
          price_cents?: number
          pricing_type?: Database["public"]["Enums"]["pricing_type"]
          tenant_id?: string
          title?: string
        }
        Relationships: [
          {
            foreignKeyName: "listing_approved_versions_approved_by_fkey"
            columns: ["approved_by"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "listing_approved_versions_category_id_fkey"
            columns: ["category_id"]
            isOneToOne: false
            referencedRelation: "categories"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "listing_approved_versions_listing_id_fkey"
            columns: ["listing_id"]
            isOneToOne: true
            referencedRelation: "listings"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "listing_approved_versions_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
        ]
      }
      listing_tags: {
        Row: {
          created_at: string
          listing_id: string
          tag_id: string
          tenant_id: string
        }
        Insert: {
          created_at?: string
          listing_id: string
          tag_id: string
          tenant_id: string
        }
        Update: {
          created_at?: string
          listing_id?: string
          tag_id?: string
          tenant_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "listing_tags_listing_id_fkey"
            columns: ["listing_id"]
            isOneToOne: false
            referencedRelation: "listings"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "listing_tags_tag_id_fkey"
            columns: ["tag_id"]
            isOneToOne: false
            referencedRelation: "tags"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "listing_tags_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
        ]
      }
      listings: {
        Row: {
          address: NonNullable<Json>
          booking_count: number
          category_id: string | null
          city_id: string | null
          created_at: string
          currency: string
          deleted_at: string | null
          description: string
          duration_minutes: number | null
          id: string
          is_featured: boolean
          keywords: string[]
          location: unknown
          location_type: Database["public"]["Enums"]["location_type"]
          media: NonNullable<Json>
          moderated_at: string | null
          moderated_by: string | null
          moderation_reason: string | null
          moderation_status: string
          price_cents: number
          pricing_type: Database["public"]["Enums"]["pricing_type"]
          provider_id: string
          published_at: string | null
          rating_average: number
          rating_count: number
          search_vector: unknown
          seo_description: string | null
          seo_title: string | null
          service_radius_m: number | null
          slug: string
          status: Database["public"]["Enums"]["listing_status"]
          tenant_id: string
          title: string
          updated_at: string
        }
        Insert: {
          address?: NonNullable<Json>
          booking_count?: number
          category_id?: string | null
          city_id?: string | null
          created_at?: string
          currency?: string
          deleted_at?: string | null
          description?: string
          duration_minutes?: number | null
          id?: string
          is_featured?: boolean
          keywords?: string[]
          location?: unknown
          location_type?: Database["public"]["Enums"]["location_type"]
          media?: NonNullable<Json>
          moderated_at?: string | null
          moderated_by?: string | null
          moderation_reason?: string | null
          moderation_status?: string
          price_cents: number
          pricing_type?: Database["public"]["Enums"]["pricing_type"]
          provider_id: string
          published_at?: string | null
          rating_average?: number
          rating_count?: number
          search_vector?: unknown
          seo_description?: string | null
          seo_title?: string | null
          service_radius_m?: number | null
          slug: string
          status?: Database["public"]["Enums"]["listing_status"]
          tenant_id: string
          title: string
          updated_at?: string
        }
        Update: {
          address?: NonNullable<Json>
          booking_count?: number
          category_id?: string | null
          city_id?: string | null
          created_at?: string
          currency?: string
          deleted_at?: string | null
          description?: string
          duration_minutes?: number | null
          id?: string
          is_featured?: boolean
          keywords?: string[]
          location?: unknown
          location_type?: Database["public"]["Enums"]["location_type"]
          media?: NonNullable<Json>
          moderated_at?: string | null
          moderated_by?: string | null
          moderation_reason?: string | null
          moderation_status?: string
          price_cents?: number
          pricing_type?: Database["public"]["Enums"]["pricing_type"]
          provider_id?: string
          published_at?: string | null
          rating_average?: number
          rating_count?: number
          search_vector?: unknown
          seo_description?: string | null
          seo_title?: string | null
          service_radius_m?: number | null
          slug?: string
          status?: Database["public"]["Enums"]["listing_status"]
          tenant_id?: string
          title?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "listings_category_id_fkey"
            columns: ["category_id"]
            isOneToOne: false
            referencedRelation: "categories"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "listings_city_id_fkey"
            columns: ["city_id"]
            isOneToOne: false
            referencedRelation: "cities"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "listings_moderated_by_fkey"
            columns: ["moderated_by"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "listings_provider_id_fkey"
            columns: ["provider_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "listings_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
        ]
      }
      messages: {
        Row: {
          attachments: NonNullable<Json>
          body: string | null
          conversation_id: string
          created_at: string
          deleted_at: string | null
          edited_at: string | null
          id: string
          read_by: string[]
          sender_id: string
          tenant_id: string
          updated_at: string
        }
        Insert: {
          attachments?: NonNullable<Json>
          body?: string | null
          conversation_id: string
          created_at?: string
          deleted_at?: string | null
          edited_at?: string | null
          id?: string
          read_by?: string[]
          sender_id: string
          tenant_id: string
          updated_at?: string
        }
        Update: {
          attachments?: NonNullable<Json>
          body?: string | null
          conversation_id?: string
          created_at?: string
          deleted_at?: string | null
          edited_at?: string | null
          id?: string
          read_by?: string[]
          sender_id?: string
          tenant_id?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "messages_conversation_id_fkey"
            columns: ["conversation_id"]
            isOneToOne: false
            referencedRelation: "conversations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "messages_sender_id_fkey"
            columns: ["sender_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "messages_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
        ]
      }
      moderation_item_events: {
        Row: {
          actor_id: string | null
          created_at: string
          details: NonNullable<Json>
          event: string
          id: number
          item_id: string
          target_type: string
          tenant_id: string
        }
        Insert: {
          actor_id?: string | null
          created_at?: string
          details?: NonNullable<Json>
          event: string
          id?: never
          item_id: string
          target_type: string
          tenant_id: string
        }
        Update: {
          actor_id?: string | null
          created_at?: string
          details?: NonNullable<Json>
          event?: string
          id?: never
          item_id?: string
          target_type?: string
          tenant_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "moderation_item_events_actor_id_fkey"
            columns: ["actor_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "moderation_item_events_item_id_fkey"
            columns: ["item_id"]
            isOneToOne: false
            referencedRelation: "moderation_items"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "moderation_item_events_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
        ]
      }
      moderation_items: {
        Row: {
          assignee_id: string | null
          claim_expires_at: string | null
          claimed_by: string | null
          created_at: string
          decided_at: string | null
          decided_by: string | null
          decision_note: string | null
          decision_reason_code: string | null
          entered_queue_at: string
          id: string
          open_report_count: number
          priority_score: number
          queue: string
          sla_due_at: string
          status: string
          target_id: string
          target_type: string
          tenant_id: string
          updated_at: string
          version: number
        }
        Insert: {
          assignee_id?: string | null
          claim_expires_at?: string | null
          claimed_by?: string | null
          created_at?: string
          decided_at?: string | null
          decided_by?: string | null
          decision_note?: string | null
          decision_reason_code?: string | null
          entered_queue_at?: string
          id?: string
          open_report_count?: number
          priority_score?: number
          queue: string
          sla_due_at: string
          status?: string
          target_id: string
          target_type: string
          tenant_id: string
          updated_at?: string
          version?: number
        }
        Update: {
          assignee_id?: string | null
          claim_expires_at?: string | null
          claimed_by?: string | null
          created_at?: string
          decided_at?: string | null
          decided_by?: string | null
          decision_note?: string | null
          decision_reason_code?: string | null
          entered_queue_at?: string
          id?: string
          open_report_count?: number
          priority_score?: number
          queue?: string
          sla_due_at?: string
          status?: string
          target_id?: string
          target_type?: string
          tenant_id?: string
          updated_at?: string
          version?: number
        }
        Relationships: [
          {
            foreignKeyName: "moderation_items_assignee_id_fkey"
            columns: ["assignee_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "moderation_items_claimed_by_fkey"
            columns: ["claimed_by"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "moderation_items_decided_by_fkey"
            columns: ["decided_by"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "moderation_items_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
        ]
      }
      moderation_reason_templates: {
        Row: {
          active: boolean
          code: string
          created_at: string
          created_by: string | null
          id: string
          label: string
          message_template: string | null
          policy_url: string | null
          target_types: string[]
          tenant_id: string
          updated_at: string
        }
        Insert: {
          active?: boolean
          code: string
          created_at?: string
          created_by?: string | null
          id?: string
          label: string
          message_template?: string | null
          policy_url?: string | null
          target_types?: string[]
          tenant_id?: string
          updated_at?: string
        }
        Update: {
          active?: boolean
          code?: string
          created_at?: string
          created_by?: string | null
          id?: string
          label?: string
          message_template?: string | null
          policy_url?: string | null
          target_types?: string[]
          tenant_id?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "moderation_reason_templates_created_by_fkey"
            columns: ["created_by"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "moderation_reason_templates_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
        ]
      }
      moderation_sla_targets: {
        Row: {
          created_at: string
          created_by: string | null
          due_within: string
          id: string
          queue: string
          report_reason: string | null
          tenant_id: string
          updated_at: string
        }
        Insert: {
          created_at?: string
          created_by?: string | null
          due_within: string
          id?: string
          queue: string
          report_reason?: string | null
          tenant_id?: string
          updated_at?: string
        }
        Update: {
          created_at?: string
          created_by?: string | null
          due_within?: string
          id?: string
          queue?: string
          report_reason?: string | null
          tenant_id?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "moderation_sla_targets_created_by_fkey"
            columns: ["created_by"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "moderation_sla_targets_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
        ]
      }
      notifications: {
        Row: {
          body: string | null
          channel: Database["public"]["Enums"]["notification_channel"]
          created_at: string
          data: NonNullable<Json>
          failed_at: string | null
          failure_reason: string | null
          id: string
          read_at: string | null
          sent_at: string | null
          tenant_id: string
          title: string
          type: string
          updated_at: string
          user_id: string
        }
        Insert: {
          body?: string | null
          channel?: Database["public"]["Enums"]["notification_channel"]
          created_at?: string
          data?: NonNullable<Json>
          failed_at?: string | null
          failure_reason?: string | null
          id?: string
          read_at?: string | null
          sent_at?: string | null
          tenant_id: string
          title: string
          type: string
          updated_at?: string
          user_id: string
        }
        Update: {
          body?: string | null
          channel?: Database["public"]["Enums"]["notification_channel"]
          created_at?: string
          data?: NonNullable<Json>
          failed_at?: string | null
          failure_reason?: string | null
          id?: string
          read_at?: string | null
          sent_at?: string | null
          tenant_id?: string
          title?: string
          type?: string
          updated_at?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "notifications_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "notifications_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
        ]
      }
      payment_methods: {
        Row: {
          billing_details: NonNullable<Json>
          brand: string | null
          created_at: string
          exp_month: number | null
          exp_year: number | null
          id: string
          is_default: boolean
          last4: string | null
          stripe_payment_method_id: string | null
          tenant_id: string
          type: string
          updated_at: string
          user_id: string
        }
        Insert: {
          billing_details?: NonNullable<Json>
          brand?: string | null
          created_at?: string
          exp_month?: number | null
          exp_year?: number | null
          id?: string
          is_default?: boolean
          last4?: string | null
          stripe_payment_method_id?: string | null
          tenant_id: string
          type?: string
          updated_at?: string
          user_id: string
        }
        Update: {
          billing_details?: NonNullable<Json>
          brand?: string | null
          created_at?: string
          exp_month?: number | null
          exp_year?: number | null
          id?: string
          is_default?: boolean
          last4?: string | null
          stripe_payment_method_id?: string | null
          tenant_id?: string
          type?: string
          updated_at?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "payment_methods_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "payment_methods_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
        ]
      }
      payout_transactions: {
        Row: {
          amount_cents: number
          created_at: string
          payout_id: string
          tenant_id: string
          transaction_id: string
          updated_at: string
        }
        Insert: {
          amount_cents?: number
          created_at?: string
          payout_id: string
          tenant_id: string
          transaction_id: string
          updated_at?: string
        }
        Update: {
          amount_cents?: number
          created_at?: string
          payout_id?: string
          tenant_id?: string
          transaction_id?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "payout_transactions_payout_id_fkey"
            columns: ["payout_id"]
            isOneToOne: false
            referencedRelation: "payout_reconciliation"
            referencedColumns: ["payout_id"]
          },
          {
            foreignKeyName: "payout_transactions_payout_id_fkey"
            columns: ["payout_id"]
            isOneToOne: false
            referencedRelation: "payouts"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "payout_transactions_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "payout_transactions_transaction_id_fkey"
            columns: ["transaction_id"]
            isOneToOne: true
            referencedRelation: "transactions"
            referencedColumns: ["id"]
          },
        ]
      }
      payouts: {
        Row: {
          amount_cents: number
          arrival_date: string | null
          created_at: string
          currency: string
          expected_amount_cents: number
          failure_reason: string | null
          id: string
          mismatch_cents: number | null
          period_end: string
          period_start: string
          provider: string
          reconciled_at: string | null
          reconciled_by: string | null
          reconciliation_status: string
          status: string
          stripe_payout_id: string | null
          tenant_id: string
          transaction_count: number
          updated_at: string
          user_id: string
        }
        Insert: {
          amount_cents: number
          arrival_date?: string | null
          created_at?: string
          currency?: string
          expected_amount_cents?: number
          failure_reason?: string | null
          id?: string
          mismatch_cents?: number | null
          period_end: string
          period_start: string
          provider?: string
          reconciled_at?: string | null
          reconciled_by?: string | null
          reconciliation_status?: string
          status?: string
          stripe_payout_id?: string | null
          tenant_id: string
          transaction_count?: number
          updated_at?: string
          user_id: string
        }
        Update: {
          amount_cents?: number
          arrival_date?: string | null
          created_at?: string
          currency?: string
          expected_amount_cents?: number
          failure_reason?: string | null
          id?: string
          mismatch_cents?: number | null
          period_end?: string
          period_start?: string
          provider?: string
          reconciled_at?: string | null
          reconciled_by?: string | null
          reconciliation_status?: string
          status?: string
          stripe_payout_id?: string | null
          tenant_id?: string
          transaction_count?: number
          updated_at?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "payouts_reconciled_by_fkey"
            columns: ["reconciled_by"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "payouts_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "payouts_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
        ]
      }
      permissions: {
        Row: {
          created_at: string
          description: string
          id: string
          key: string
          resource: string | null
          updated_at: string
        }
        Insert: {
          created_at?: string
          description: string
          id?: string
          key: string
          resource?: never
          updated_at?: string
        }
        Update: {
          created_at?: string
          description?: string
          id?: string
          key?: string
          resource?: never
          updated_at?: string
        }
        Relationships: []
      }
      provider_availability: {
        Row: {
          created_at: string
          day_of_week: number
          end_time: string
          id: string
          is_active: boolean
          provider_id: string
          start_time: string
          tenant_id: string
          timezone: string
          updated_at: string
        }
        Insert: {
          created_at?: string
          day_of_week: number
          end_time: string
          id?: string
          is_active?: boolean
          provider_id: string
          start_time: string
          tenant_id: string
          timezone?: string
          updated_at?: string
        }
        Update: {
          created_at?: string
          day_of_week?: number
          end_time?: string
          id?: string
          is_active?: boolean
          provider_id?: string
          start_time?: string
          tenant_id?: string
          timezone?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "provider_availability_provider_id_fkey"
            columns: ["provider_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "provider_availability_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
        ]
      }
      referral_codes: {
        Row: {
          code: string
          created_at: string
          expires_at: string | null
          id: string
          is_active: boolean
          max_uses: number | null
          program_id: string
          tenant_id: string
          updated_at: string
          user_id: string
          uses_count: number
        }
        Insert: {
          code: string
          created_at?: string
          expires_at?: string | null
          id?: string
          is_active?: boolean
          max_uses?: number | null
          program_id: string
          tenant_id: string
          updated_at?: string
          user_id: string
          uses_count?: number
        }
        Update: {
          code?: string
          created_at?: string
          expires_at?: string | null
          id?: string
          is_active?: boolean
          max_uses?: number | null
          program_id?: string
          tenant_id?: string
          updated_at?: string
          user_id?: string
          uses_count?: number
        }
        Relationships: [
          {
            foreignKeyName: "referral_codes_program_id_fkey"
            columns: ["program_id"]
            isOneToOne: false
            referencedRelation: "referral_programs"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "referral_codes_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "referral_codes_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
        ]
      }
      referral_programs: {
        Row: {
          created_at: string
          created_by: string | null
          currency: string
          description: string | null
          ends_at: string | null
          id: string
          is_active: boolean
          max_uses_per_code: number | null
          name: string
          referee_reward_cents: number
          referrer_reward_cents: number
          reward_type: Database["public"]["Enums"]["reward_type"]
          starts_at: string
          tenant_id: string
          updated_at: string
        }
        Insert: {
          created_at?: string
          created_by?: string | null
          currency?: string
          description?: string | null
          ends_at?: string | null
          id?: string
          is_active?: boolean
          max_uses_per_code?: number | null
          name: string
          referee_reward_cents?: number
          referrer_reward_cents?: number
          reward_type?: Database["public"]["Enums"]["reward_type"]
          starts_at?: string
          tenant_id?: string
          updated_at?: string
        }
        Update: {
          created_at?: string
          created_by?: string | null
          currency?: string
          description?: string | null
          ends_at?: string | null
          id?: string
          is_active?: boolean
          max_uses_per_code?: number | null
          name?: string
          referee_reward_cents?: number
          referrer_reward_cents?: number
          reward_type?: Database["public"]["Enums"]["reward_type"]
          starts_at?: string
          tenant_id?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "referral_programs_created_by_fkey"
            columns: ["created_by"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "referral_programs_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
        ]
      }
      referral_rewards: {
        Row: {
          amount_cents: number
          created_at: string
          currency: string
          id: string
          issued_at: string | null
          paid_at: string | null
          recipient: string
          referral_id: string
          reward_type: Database["public"]["Enums"]["reward_type"]
          status: string
          tenant_id: string
          transaction_id: string | null
          updated_at: string
          user_id: string
        }
        Insert: {
          amount_cents: number
          created_at?: string
          currency?: string
          id?: string
          issued_at?: string | null
          paid_at?: string | null
          recipient: string
          referral_id: string
          reward_type: Database["public"]["Enums"]["reward_type"]
          status?: string
          tenant_id: string
          transaction_id?: string | null
          updated_at?: string
          user_id: string
        }
        Update: {
          amount_cents?: number
          created_at?: string
          currency?: string
          id?: string
          issued_at?: string | null
          paid_at?: string | null
          recipient?: string
          referral_id?: string
          reward_type?: Database["public"]["Enums"]["reward_type"]
          status?: string
          tenant_id?: string
          transaction_id?: string | null
          updated_at?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "referral_rewards_referral_id_fkey"
            columns: ["referral_id"]
            isOneToOne: false
            referencedRelation: "referrals"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "referral_rewards_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "referral_rewards_transaction_id_fkey"
            columns: ["transaction_id"]
            isOneToOne: false
            referencedRelation: "transactions"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "referral_rewards_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
        ]
      }
      referrals: {
        Row: {
          completed_at: string | null
          created_at: string
          id: string
          qualifying_booking_id: string | null
          referral_code_id: string
          referred_user_id: string
          referrer_id: string
          status: string
          tenant_id: string
          updated_at: string
        }
        Insert: {
          completed_at?: string | null
          created_at?: string
          id?: string
          qualifying_booking_id?: string | null
          referral_code_id: string
          referred_user_id: string
          referrer_id: string
          status?: string
          tenant_id: string
          updated_at?: string
        }
        Update: {
          completed_at?: string | null
          created_at?: string
          id?: string
          qualifying_booking_id?: string | null
          referral_code_id?: string
          referred_user_id?: string
          referrer_id?: string
          status?: string
          tenant_id?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "referrals_qualifying_booking_id_fkey"
            columns: ["qualifying_booking_id"]
            isOneToOne: false
            referencedRelation: "bookings"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "referrals_referral_code_id_fkey"
            columns: ["referral_code_id"]
            isOneToOne: false
            referencedRelation: "referral_codes"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "referrals_referred_user_id_fkey"
            columns: ["referred_user_id"]
            isOneToOne: true
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "referrals_referrer_id_fkey"
            columns: ["referrer_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "referrals_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
        ]
      }
      regions: {
        Row: {
          boundary: unknown
          ccpa_applies: boolean
          code: string
          compliance_settings: NonNullable<Json>
          country_code: string
          created_at: string
          currency: string
          gdpr_applies: boolean
          id: string
          is_active: boolean
          name: string
          timezone: string
          updated_at: string
        }
        Insert: {
          boundary?: unknown
          ccpa_applies?: boolean
          code: string
          compliance_settings?: NonNullable<Json>
          country_code: string
          created_at?: string
          currency?: string
          gdpr_applies?: boolean
          id?: string
          is_active?: boolean
          name: string
          timezone?: string
          updated_at?: string
        }
        Update: {
          boundary?: unknown
          ccpa_applies?: boolean
          code?: string
          compliance_settings?: NonNullable<Json>
          country_code?: string
          created_at?: string
          currency?: string
          gdpr_applies?: boolean
          id?: string
          is_active?: boolean
          name?: string
          timezone?: string
          updated_at?: string
        }
        Relationships: []
      }
      review_votes: {
        Row: {
          created_at: string
          id: string
          is_helpful: boolean
          review_id: string
          tenant_id: string
          updated_at: string
          user_id: string
        }
        Insert: {
          created_at?: string
          id?: string
          is_helpful: boolean
          review_id: string
          tenant_id: string
          updated_at?: string
          user_id: string
        }
        Update: {
          created_at?: string
          id?: string
          is_helpful?: boolean
          review_id?: string
          tenant_id?: string
          updated_at?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "review_votes_review_id_fkey"
            columns: ["review_id"]
            isOneToOne: false
            referencedRelation: "reviews"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "review_votes_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "review_votes_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
        ]
      }
      reviews: {
        Row: {
          booking_id: string
          comment: string | null
          communication_rating: number | null
          created_at: string
          deleted_at: string | null
          helpful_count: number
          hidden_at: string | null
          hidden_by: string | null
          hidden_reason: string | null
          id: string
          is_verified: boolean
          listing_id: string
          not_helpful_count: number
          provider_id: string
          provider_responded_at: string | null
          provider_response: string | null
          quality_rating: number | null
          rating: number
          reviewer_id: string
          tenant_id: string
          timeliness_rating: number | null
          title: string | null
          updated_at: string
        }
        Insert: {
          booking_id: string
          comment?: string | null
          communication_rating?: number | null
          created_at?: string
          deleted_at?: string | null
          helpful_count?: number
          hidden_at?: string | null
          hidden_by?: string | null
          hidden_reason?: string | null
          id?: string
          is_verified?: boolean
          listing_id: string
          not_helpful_count?: number
          provider_id: string
          provider_responded_at?: string | null
          provider_response?: string | null
          quality_rating?: number | null
          rating: number
          reviewer_id: string
          tenant_id: string
          timeliness_rating?: number | null
          title?: string | null
          updated_at?: string
        }
        Update: {
          booking_id?: string
          comment?: string | null
          communication_rating?: number | null
          created_at?: string
          deleted_at?: string | null
          helpful_count?: number
          hidden_at?: string | null
          hidden_by?: string | null
          hidden_reason?: string | null
          id?: string
          is_verified?: boolean
          listing_id?: string
          not_helpful_count?: number
          provider_id?: string
          provider_responded_at?: string | null
          provider_response?: string | null
          quality_rating?: number | null
          rating?: number
          reviewer_id?: string
          tenant_id?: string
          timeliness_rating?: number | null
          title?: string | null
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "reviews_booking_id_fkey"
            columns: ["booking_id"]
            isOneToOne: true
            referencedRelation: "bookings"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reviews_hidden_by_fkey"
            columns: ["hidden_by"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reviews_listing_id_fkey"
            columns: ["listing_id"]
            isOneToOne: false
            referencedRelation: "listings"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reviews_provider_id_fkey"
            columns: ["provider_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reviews_reviewer_id_fkey"
            columns: ["reviewer_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reviews_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
        ]
      }
      role_permissions: {
        Row: {
          created_at: string
          id: string
          permission_id: string
          role: string
        }
        Insert: {
          created_at?: string
          id?: string
          permission_id: string
          role: string
        }
        Update: {
          created_at?: string
          id?: string
          permission_id?: string
          role?: string
        }
        Relationships: [
          {
            foreignKeyName: "role_permissions_permission_id_fkey"
            columns: ["permission_id"]
            isOneToOne: false
            referencedRelation: "permissions"
            referencedColumns: ["id"]
          },
        ]
      }
      subscriptions: {
        Row: {
          amount_cents: number
          billing_interval: string
          cancel_at_period_end: boolean
          canceled_at: string | null
          created_at: string
          currency: string
          current_period_end: string
          current_period_start: string
          id: string
          metadata: NonNullable<Json>
          plan: string
          status: Database["public"]["Enums"]["subscription_status"]
          stripe_customer_id: string | null
          stripe_price_id: string | null
          stripe_subscription_id: string | null
          tenant_id: string
          trial_ends_at: string | null
          updated_at: string
          user_id: string
        }
        Insert: {
          amount_cents?: number
          billing_interval?: string
          cancel_at_period_end?: boolean
          canceled_at?: string | null
          created_at?: string
          currency?: string
          current_period_end: string
          current_period_start: string
          id?: string
          metadata?: NonNullable<Json>
          plan: string
          status?: Database["public"]["Enums"]["subscription_status"]
          stripe_customer_id?: string | null
          stripe_price_id?: string | null
          stripe_subscription_id?: string | null
          tenant_id: string
          trial_ends_at?: string | null
          updated_at?: string
          user_id: string
        }
        Update: {
          amount_cents?: number
          billing_interval?: string
          cancel_at_period_end?: boolean
          canceled_at?: string | null
          created_at?: string
          currency?: string
          current_period_end?: string
          current_period_start?: string
          id?: string
          metadata?: NonNullable<Json>
          plan?: string
          status?: Database["public"]["Enums"]["subscription_status"]
          stripe_customer_id?: string | null
          stripe_price_id?: string | null
          stripe_subscription_id?: string | null
          tenant_id?: string
          trial_ends_at?: string | null
          updated_at?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "subscriptions_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "subscriptions_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
        ]
      }
      system_logs: {
        Row: {
          context: NonNullable<Json>
          created_at: string
          id: number
          level: Database["public"]["Enums"]["log_level"]
          message: string
          request_id: string | null
          source: string
          tenant_id: string | null
          updated_at: string
          user_id: string | null
        }
        Insert: {
          context?: NonNullable<Json>
          created_at?: string
          id?: never
          level?: Database["public"]["Enums"]["log_level"]
          message: string
          request_id?: string | null
          source: string
          tenant_id?: string | null
          updated_at?: string
          user_id?: string | null
        }
        Update: {
          context?: NonNullable<Json>
          created_at?: string
          id?: never
          level?: Database["public"]["Enums"]["log_level"]
          message?: string
          request_id?: string | null
          source?: string
          tenant_id?: string | null
          updated_at?: string
          user_id?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "system_logs_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "system_logs_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
        ]
      }
      tags: {
        Row: {
          created_at: string
          id: string
          name: string
          slug: string
          updated_at: string
          usage_count: number
        }
        Insert: {
          created_at?: string
          id?: string
          name: string
          slug: string
          updated_at?: string
          usage_count?: number
        }
        Update: {
          created_at?: string
          id?: string
          name?: string
          slug?: string
          updated_at?: string
          usage_count?: number
        }
        Relationships: []
      }
      tenants: {
        Row: {
          created_at: string
          default_currency: string
          default_timezone: string
          deleted_at: string | null
          id: string
          name: string
          settings: NonNullable<Json>
          slug: string
          staff_two_factor_required: boolean
          status: string
          updated_at: string
        }
        Insert: {
          created_at?: string
          default_currency?: string
          default_timezone?: string
          deleted_at?: string | null
          id?: string
          name: string
          settings?: NonNullable<Json>
          slug: string
          staff_two_factor_required?: boolean
          status?: string
          updated_at?: string
        }
        Update: {
          created_at?: string
          default_currency?: string
          default_timezone?: string
          deleted_at?: string | null
          id?: string
          name?: string
          settings?: NonNullable<Json>
          slug?: string
          staff_two_factor_required?: boolean
          status?: string
          updated_at?: string
        }
        Relationships: []
      }
      transactions: {
        Row: {
          amount_cents: number
          booking_id: string | null
          category_id: string | null
          city_id: string | null
          created_at: string
          currency: string
          description: string | null
          failure_reason: string | null
          id: string
          invoice_id: string | null
          metadata: NonNullable<Json>
          net_amount_cents: number | null
          payment_method_id: string | null
          payout_id: string | null
          platform_fee_cents: number
          processed_at: string | null
          processing_fee_cents: number
          provider_id: string | null
          refunded_transaction_id: string | null
          region_id: string | null
          status: Database["public"]["Enums"]["payment_status"]
          stripe_charge_id: string | null
          stripe_payment_intent_id: string | null
          stripe_refund_id: string | null
          stripe_transfer_id: string | null
          subscription_id: string | null
          tax_cents: number
          tenant_id: string
          type: Database["public"]["Enums"]["transaction_type"]
          updated_at: string
          user_id: string
        }
        Insert: {
          amount_cents: number
          booking_id?: string | null
          category_id?: string | null
          city_id?: string | null
          created_at?: string
          currency?: string
          description?: string | null
          failure_reason?: string | null
          id?: string
          invoice_id?: string | null
          metadata?: NonNullable<Json>
          net_amount_cents?: never
          payment_method_id?: string | null
          payout_id?: string | null
          platform_fee_cents?: number
          processed_at?: string | null
          processing_fee_cents?: number
          provider_id?: string | null
          refunded_transaction_id?: string | null
          region_id?: string | null
          status?: Database["public"]["Enums"]["payment_status"]
          stripe_charge_id?: string | null
          stripe_payment_intent_id?: string | null
          stripe_refund_id?: string | null
          stripe_transfer_id?: string | null
          subscription_id?: string | null
          tax_cents?: number
          tenant_id: string
          type: Database["public"]["Enums"]["transaction_type"]
          updated_at?: string
          user_id: string
        }
        Update: {
          amount_cents?: number
          booking_id?: string | null
          category_id?: string | null
          city_id?: string | null
          created_at?: string
          currency?: string
          description?: string | null
          failure_reason?: string | null
          id?: string
          invoice_id?: string | null
          metadata?: NonNullable<Json>
          net_amount_cents?: never
          payment_method_id?: string | null
          payout_id?: string | null
          platform_fee_cents?: number
          processed_at?: string | null
          processing_fee_cents?: number
          provider_id?: string | null
          refunded_transaction_id?: string | null
          region_id?: string | null
          status?: Database["public"]["Enums"]["payment_status"]
          stripe_charge_id?: string | null
          stripe_payment_intent_id?: string | null
          stripe_refund_id?: string | null
          stripe_transfer_id?: string | null
          subscription_id?: string | null
          tax_cents?: number
          tenant_id?: string
          type?: Database["public"]["Enums"]["transaction_type"]
          updated_at?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "transactions_booking_id_fkey"
            columns: ["booking_id"]
            isOneToOne: false
            referencedRelation: "bookings"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "transactions_category_id_fkey"
            columns: ["category_id"]
            isOneToOne: false
            referencedRelation: "categories"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "transactions_city_id_fkey"
            columns: ["city_id"]
            isOneToOne: false
            referencedRelation: "cities"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "transactions_invoice_id_fkey"
            columns: ["invoice_id"]
            isOneToOne: false
            referencedRelation: "invoices"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "transactions_payment_method_id_fkey"
            columns: ["payment_method_id"]
            isOneToOne: false
            referencedRelation: "payment_methods"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "transactions_payout_id_fkey"
            columns: ["payout_id"]
            isOneToOne: false
            referencedRelation: "payout_reconciliation"
            referencedColumns: ["payout_id"]
          },
          {
            foreignKeyName: "transactions_payout_id_fkey"
            columns: ["payout_id"]
            isOneToOne: false
            referencedRelation: "payouts"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "transactions_provider_id_fkey"
            columns: ["provider_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "transactions_refunded_transaction_id_fkey"
            columns: ["refunded_transaction_id"]
            isOneToOne: false
            referencedRelation: "transactions"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "transactions_region_id_fkey"
            columns: ["region_id"]
            isOneToOne: false
            referencedRelation: "regions"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "transactions_subscription_id_fkey"
            columns: ["subscription_id"]
            isOneToOne: false
            referencedRelation: "subscriptions"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "transactions_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "transactions_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
        ]
      }
      usage_logs: {
        Row: {
          created_at: string
          id: string
          idempotency_key: string | null
          metadata: NonNullable<Json>
          metric: string
          quantity: number
          recorded_at: string
          subscription_id: string
          tenant_id: string
          updated_at: string
          user_id: string | null
        }
        Insert: {
          created_at?: string
          id?: string
          idempotency_key?: string | null
          metadata?: NonNullable<Json>
          metric: string
          quantity: number
          recorded_at?: string
          subscription_id: string
          tenant_id: string
          updated_at?: string
          user_id?: string | null
        }
        Update: {
          created_at?: string
          id?: string
          idempotency_key?: string | null
          metadata?: NonNullable<Json>
          metric?: string
          quantity?: number
          recorded_at?: string
          subscription_id?: string
          tenant_id?: string
          updated_at?: string
          user_id?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "usage_logs_subscription_id_fkey"
            columns: ["subscription_id"]
            isOneToOne: false
            referencedRelation: "subscriptions"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "usage_logs_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "usage_logs_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
        ]
      }
      user_feature_flags: {
        Row: {
          created_at: string
          created_by: string | null
          expires_at: string
          flag_id: string
          id: string
          is_enabled: boolean
          reason: string
          tenant_id: string
          updated_at: string
          user_id: string
          variant: string | null
        }
        Insert: {
          created_at?: string
          created_by?: string | null
          expires_at: string
          flag_id: string
          id?: string
          is_enabled: boolean
          reason: string
          tenant_id: string
          updated_at?: string
          user_id: string
          variant?: string | null
        }
        Update: {
          created_at?: string
          created_by?: string | null
          expires_at?: string
          flag_id?: string
          id?: string
          is_enabled?: boolean
          reason?: string
          tenant_id?: string
          updated_at?: string
          user_id?: string
          variant?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "user_feature_flags_created_by_fkey"
            columns: ["created_by"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "user_feature_flags_flag_id_fkey"
            columns: ["flag_id"]
            isOneToOne: false
            referencedRelation: "feature_flags"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "user_feature_flags_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "user_feature_flags_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
        ]
      }
      user_permissions: {
        Row: {
          created_at: string
          expires_at: string | null
          granted_by: string | null
          id: string
          kind: string
          permission_id: string
          reason: string | null
          tenant_id: string
          updated_at: string
          user_id: string
        }
        Insert: {
          created_at?: string
          expires_at?: string | null
          granted_by?: string | null
          id?: string
          kind: string
          permission_id: string
          reason?: string | null
          tenant_id: string
          updated_at?: string
          user_id: string
        }
        Update: {
          created_at?: string
          expires_at?: string | null
          granted_by?: string | null
          id?: string
          kind?: string
          permission_id?: string
          reason?: string | null
          tenant_id?: string
          updated_at?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "user_permissions_granted_by_fkey"
            columns: ["granted_by"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "user_permissions_permission_id_fkey"
            columns: ["permission_id"]
            isOneToOne: false
            referencedRelation: "permissions"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "user_permissions_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "user_permissions_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
        ]
      }
      user_profiles: {
        Row: {
          address: NonNullable<Json>
          avatar_url: string | null
          bio: string | null
          city_id: string | null
          created_at: string
          currency: string
          date_of_birth: string | null
          display_name: string | null
          headline: string | null
          hourly_rate_cents: number | null
          id: string
          languages: string[]
          location: unknown
          preferences: NonNullable<Json>
          rating_average: number
          rating_count: number
          skills: string[]
          social_links: NonNullable<Json>
          tenant_id: string
          timezone: string
          updated_at: string
          user_id: string
          verification_status: Database["public"]["Enums"]["verification_status"]
          verified_at: string | null
          website_url: string | null
          years_experience: number | null
        }
        Insert: {
          address?: NonNullable<Json>
          avatar_url?: string | null
          bio?: string | null
          city_id?: string | null
          created_at?: string
          currency?: string
          date_of_birth?: string | null
          display_name?: string | null
          headline?: string | null
          hourly_rate_cents?: number | null
          id?: string
          languages?: string[]
          location?: unknown
          preferences?: NonNullable<Json>
          rating_average?: number
          rating_count?: number
          skills?: string[]
          social_links?: NonNullable<Json>
          tenant_id: string
          timezone?: string
          updated_at?: string
          user_id: string
          verification_status?: Database["public"]["Enums"]["verification_status"]
          verified_at?: string | null
          website_url?: string | null
          years_experience?: number | null
        }
        Update: {
          address?: NonNullable<Json>
          avatar_url?: string | null
          bio?: string | null
          city_id?: string | null
          created_at?: string
          currency?: string
          date_of_birth?: string | null
          display_name?: string | null
          headline?: string | null
          hourly_rate_cents?: number | null
          id?: string
          languages?: string[]
          location?: unknown
          preferences?: NonNullable<Json>
          rating_average?: number
          rating_count?: number
          skills?: string[]
          social_links?: NonNullable<Json>
          tenant_id?: string
          timezone?: string
          updated_at?: string
          user_id?: string
          verification_status?: Database["public"]["Enums"]["verification_status"]
          verified_at?: string | null
          website_url?: string | null
          years_experience?: number | null
        }
        Relationships: [
          {
            foreignKeyName: "user_profiles_city_id_fkey"
            columns: ["city_id"]
            isOneToOne: false
            referencedRelation: "cities"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "user_profiles_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "user_profiles_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: true
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
        ]
      }
      user_sanctions: {
        Row: {
          created_at: string
          created_by: string | null
          ends_at: string | null
          hidden_listings: NonNullable<Json>
          id: string
          kind: string
          lift_reason: string | null
          lifted_at: string | null
          lifted_by: string | null
          previous_status: Database["public"]["Enums"]["user_status"]
          reason: string
          starts_at: string
          tenant_id: string
          user_id: string
        }
        Insert: {
          created_at?: string
          created_by?: string | null
          ends_at?: string | null
          hidden_listings?: NonNullable<Json>
          id?: string
          kind: string
          lift_reason?: string | null
          lifted_at?: string | null
          lifted_by?: string | null
          previous_status: Database["public"]["Enums"]["user_status"]
          reason: string
          starts_at?: string
          tenant_id: string
          user_id: string
        }
        Update: {
          created_at?: string
          created_by?: string | null
          ends_at?: string | null
          hidden_listings?: NonNullable<Json>
          id?: string
          kind?: string
          lift_reason?: string | null
          lifted_at?: string | null
          lifted_by?: string | null
          previous_status?: Database["public"]["Enums"]["user_status"]
          reason?: string
          starts_at?: string
          tenant_id?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "user_sanctions_created_by_fkey"
            columns: ["created_by"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "user_sanctions_lifted_by_fkey"
            columns: ["lifted_by"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "user_sanctions_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "user_sanctions_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
        ]
      }
      user_sessions: {
        Row: {
          auth_session_id: string | null
          country_code: string | null
          created_at: string
          device_type: string | null
          ended_at: string | null
          id: string
          ip_address: unknown
          last_active_at: string
          started_at: string
          tenant_id: string
          user_agent: string | null
          user_id: string
        }
        Insert: {
          auth_session_id?: string | null
          country_code?: string | null
          created_at?: string
          device_type?: string | null
          ended_at?: string | null
          id?: string
          ip_address?: unknown
          last_active_at?: string
          started_at?: string
          tenant_id: string
          user_agent?: string | null
          user_id: string
        }
        Update: {
          auth_session_id?: string | null
          country_code?: string | null
          created_at?: string
          device_type?: string | null
          ended_at?: string | null
          id?: string
          ip_address?: unknown
          last_active_at?: string
          started_at?: string
          tenant_id?: string
          user_agent?: string | null
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "user_sessions_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "user_sessions_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
        ]
      }
      users: {
        Row: {
          auth_user_id: string | null
          avatar_url: string | null
          clerk_id: string | null
          created_at: string
          deleted_at: string | null
          email: string
          email_verified_at: string | null
          full_name: string | null
          id: string
          last_sign_in_at: string | null
          metadata: NonNullable<Json>
          phone: string | null
          role: Database["public"]["Enums"]["user_role"]
          staff_role: string | null
          status: Database["public"]["Enums"]["user_status"]
          tenant_id: string
          updated_at: string
          verification_status: Database["public"]["Enums"]["verification_status"]
        }
        Insert: {
          auth_user_id?: string | null
          avatar_url?: string | null
          clerk_id?: string | null
          created_at?: string
          deleted_at?: string | null
          email: string
          email_verified_at?: string | null
          full_name?: string | null
          id?: string
          last_sign_in_at?: string | null
          metadata?: NonNullable<Json>
          phone?: string | null
          role?: Database["public"]["Enums"]["user_role"]
          staff_role?: string | null
          status?: Database["public"]["Enums"]["user_status"]
          tenant_id: string
          updated_at?: string
          verification_status?: Database["public"]["Enums"]["verification_status"]
        }
        Update: {
          auth_user_id?: string | null
          avatar_url?: string | null
          clerk_id?: string | null
          created_at?: string
          deleted_at?: string | null
          email?: string
          email_verified_at?: string | null
          full_name?: string | null
          id?: string
          last_sign_in_at?: string | null
          metadata?: NonNullable<Json>
          phone?: string | null
          role?: Database["public"]["Enums"]["user_role"]
          staff_role?: string | null
          status?: Database["public"]["Enums"]["user_status"]
          tenant_id?: string
          updated_at?: string
          verification_status?: Database["public"]["Enums"]["verification_status"]
        }
        Relationships: [
          {
            foreignKeyName: "users_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
        ]
      }
      webhook_deliveries: {
        Row: {
          attempt_count: number
          created_at: string
          delivered_at: string | null
          endpoint_id: string
          event: string
          event_id: string
          failed_at: string | null
          id: string
          last_error: string | null
          max_attempts: number
          next_retry_at: string | null
          payload: NonNullable<Json>
          response_body: string | null
          response_status: number | null
          tenant_id: string
          updated_at: string
        }
        Insert: {
          attempt_count?: number
          created_at?: string
          delivered_at?: string | null
          endpoint_id: string
          event: string
          event_id?: string
          failed_at?: string | null
          id?: string
          last_error?: string | null
          max_attempts?: number
          next_retry_at?: string | null
          payload: NonNullable<Json>
          response_body?: string | null
          response_status?: number | null
          tenant_id: string
          updated_at?: string
        }
        Update: {
          attempt_count?: number
          created_at?: string
          delivered_at?: string | null
          endpoint_id?: string
          event?: string
          event_id?: string
          failed_at?: string | null
          id?: string
          last_error?: string | null
          max_attempts?: number
          next_retry_at?: string | null
          payload?: NonNullable<Json>
          response_body?: string | null
          response_status?: number | null
          tenant_id?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "webhook_deliveries_endpoint_id_fkey"
            columns: ["endpoint_id"]
            isOneToOne: false
            referencedRelation: "webhook_endpoints"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "webhook_deliveries_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
        ]
      }
      webhook_endpoints: {
        Row: {
          consecutive_failures: number
          created_at: string
          created_by: string
          description: string | null
          disabled_at: string | null
          events: string[]
          id: string
          is_active: boolean
          last_delivery_at: string | null
          secret: string
          tenant_id: string
          updated_at: string
          url: string
        }
        Insert: {
          consecutive_failures?: number
          created_at?: string
          created_by?: string
          description?: string | null
          disabled_at?: string | null
          events: string[]
          id?: string
          is_active?: boolean
          last_delivery_at?: string | null
          secret?: string
          tenant_id: string
          updated_at?: string
          url: string
        }
        Update: {
          consecutive_failures?: number
          created_at?: string
          created_by?: string
          description?: string | null
          disabled_at?: string | null
          events?: string[]
          id?: string
          is_active?: boolean
          last_delivery_at?: string | null
          secret?: string
          tenant_id?: string
          updated_at?: string
          url?: string
        }
        Relationships: [
          {
            foreignKeyName: "webhook_endpoints_created_by_fkey"
            columns: ["created_by"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "webhook_endpoints_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
        ]
      }
    }
    Views: {
      payout_reconciliation: {
        Row: {
          amount_cents: number | null
          arrival_date: string | null
          currency: string | null
          difference_cents: number | null
          expected_amount_cents: number | null
          mismatch_cents: number | null
          payout_id: string | null
          period_end: string | null
          period_start: string | null
          reconciled_at: string | null
          reconciled_by: string | null
          reconciliation_status: string | null
          status: string | null
          tenant_id: string | null
          transaction_count: number | null
          user_id: string | null
        }
        Insert: {
          amount_cents?: number | null
          arrival_date?: string | null
          currency?: string | null
          difference_cents?: never
          expected_amount_cents?: number | null
          mismatch_cents?: number | null
          payout_id?: string | null
          period_end?: string | null
          period_start?: string | null
          reconciled_at?: string | null
          reconciled_by?: string | null
          reconciliation_status?: string | null
          status?: string | null
          tenant_id?: string | null
          transaction_count?: number | null
          user_id?: string | null
        }
        Update: {
          amount_cents?: number | null
          arrival_date?: string | null
          currency?: string | null
          difference_cents?: never
          expected_amount_cents?: number | null
          mismatch_cents?: number | null
          payout_id?: string | null
          period_end?: string | null
          period_start?: string | null
          reconciled_at?: string | null
          reconciled_by?: string | null
          reconciliation_status?: string | null
          status?: string | null
          tenant_id?: string | null
          transaction_count?: number | null
          user_id?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "payouts_reconciled_by_fkey"
            columns: ["reconciled_by"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "payouts_tenant_id_fkey"
            columns: ["tenant_id"]
            isOneToOne: false
            referencedRelation: "tenants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "payouts_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
        ]
      }
    }
    Functions: {
      actor: {
        Args: { "": Database["public"]["Tables"]["audit_logs"]["Row"] }
        Returns: {
          auth_user_id: string | null
          avatar_url: string | null
          clerk_id: string | null
          created_at: string
          deleted_at: string | null
          email: string
          email_verified_at: string | null
          full_name: string | null
          id: string
          last_sign_in_at: string | null
          metadata: NonNullable<Json>
          phone: string | null
          role: Database["public"]["Enums"]["user_role"]
          staff_role: string | null
          status: Database["public"]["Enums"]["user_status"]
          tenant_id: string
          updated_at: string
          verification_status: Database["public"]["Enums"]["verification_status"]
        }
        SetofOptions: {
          from: "audit_logs"
          to: "users"
          isOneToOne: true
          isSetofReturn: true
        }
      }
      assign_moderation_item: {
        Args: { p_assignee_id: string; p_item_id: string; p_version?: number }
        Returns: {
          assignee_id: string | null
          claim_expires_at: string | null
          claimed_by: string | null
          created_at: string
          decided_at: string | null
          decided_by: string | null
          decision_note: string | null
          decision_reason_code: string | null
          entered_queue_at: string
          id: string
          open_report_count: number
          priority_score: number
          queue: string
          sla_due_at: string
          status: string
          target_id: string
          target_type: string
          tenant_id: string
          updated_at: string
          version: number
        }
        SetofOptions: {
          from: "*"
          to: "moderation_items"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      cancel_disputed_booking: {
        Args: { p_booking_id: string; p_reason: string }
        Returns: {
          booking_id: string
          payouts_adjusted: string[]
          refund_transaction_ids: string[]
          refundable_cents: number
          refunded_cents: number
          status: Database["public"]["Enums"]["booking_status"]
        }[]
      }
      change_feature_flag: {
        Args: {
          p_changes: Json
          p_flag_id: string
          p_note: string
          p_version?: number
        }
        Returns: {
          created_at: string
          created_by: string | null
          description: string | null
          flag_type: string
          id: string
          is_enabled: boolean
          key: string
          kill_reason: string | null
          kill_switch: boolean
          killed_at: string | null
          killed_by: string | null
          name: string
          rollout_changed_at: string
          rollout_percentage: number
          stale_marked_at: string | null
          stale_marked_by: string | null
          targeting_rules: NonNullable<Json>
          tenant_id: string
          updated_at: string
          updated_by: string | null
          variants: NonNullable<Json>
        }
        SetofOptions: {
          from: "*"
          to: "feature_flags"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      claim_content_report: {
        Args: { p_in_review?: boolean; p_report_id: string }
        Returns: {
          created_at: string
          details: string | null
          id: string
          reason: string
          reporter_id: string
          resolution: string | null
          resolution_note: string | null
          resolved_at: string | null
          resolved_by: string | null
          status: Database["public"]["Enums"]["report_status"]
          target_id: string
          target_type: string
          tenant_id: string
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "content_reports"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      claim_moderation_item: {
        Args: { p_item_id: string; p_minutes?: number; p_version?: number }
        Returns: {
          assignee_id: string | null
          claim_expires_at: string | null
          claimed_by: string | null
          created_at: string
          decided_at: string | null
          decided_by: string | null
          decision_note: string | null
          decision_reason_code: string | null
          entered_queue_at: string
          id: string
          open_report_count: number
          priority_score: number
          queue: string
          sla_due_at: string
          status: string
          target_id: string
          target_type: string
          tenant_id: string
          updated_at: string
          version: number
        }
        SetofOptions: {
          from: "*"
          to: "moderation_items"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      complete_disputed_booking: {
        Args: { p_booking_id: string; p_reason: string }
        Returns: {
          booking_id: string
          payouts_adjusted: string[]
          refund_transaction_ids: string[]
          refundable_cents: number
          refunded_cents: number
          status: Database["public"]["Enums"]["booking_status"]
        }[]
      }
      create_api_key: {
        Args: {
          p_expires_at?: string
          p_name: string
          p_rate_limit_per_minute?: number
          p_scopes?: string[]
        }
        Returns: {
          api_key: string
          id: string
          key_prefix: string
        }[]
      }
      decide_moderation_item: {
        Args: {
          p_decision: string
          p_item_id: string
          p_note?: string
          p_reason_code?: string
          p_take_over?: boolean
          p_version: number
        }
        Returns: {
          assignee_id: string | null
          claim_expires_at: string | null
          claimed_by: string | null
          created_at: string
          decided_at: string | null
          decided_by: string | null
          decision_note: string | null
          decision_reason_code: string | null
          entered_queue_at: string
          id: string
          open_report_count: number
          priority_score: number
          queue: string
          sla_due_at: string
          status: string
          target_id: string
          target_type: string
          tenant_id: string
          updated_at: string
          version: number
        }
        SetofOptions: {
          from: "*"
          to: "moderation_items"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      decide_moderation_items: {
        Args: {
          p_decision: string
          p_item_ids: string[]
          p_note?: string
          p_reason_code?: string
        }
        Returns: {
          id: string
          message: string
          outcome: string
        }[]
      }
      evaluate_feature_flags: {
        Args: { p_context: Json }
        Returns: {
          details: Json
          enabled: boolean
          key: string
          reason: string
          variant: string
        }[]
      }
      export_audit_log: {
        Args: {
          p_actions?: Database["public"]["Enums"]["audit_action"][]
          p_actor_id?: string
          p_from?: string
          p_from_seq?: number
          p_tables?: string[]
          p_tenant_id?: string
          p_to?: string
          p_to_seq?: number
        }
        Returns: {
          action: Database["public"]["Enums"]["audit_action"]
          actor_id: string | null
          actor_role: string | null
          changed_columns: string[] | null
          created_at: string
          hash: string
          id: string
          ip_address: unknown
          metadata: NonNullable<Json>
          new_data: Json | null
          old_data: Json | null
          prev_hash: string | null
          record_id: string | null
          seq: number
          table_name: string | null
          tenant_id: string | null
          user_agent: string | null
        }[]
        SetofOptions: {
          from: "*"
          to: "audit_logs"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      feature_flag_config_changes: {
        Args: { p_after: Json; p_before: Json }
        Returns: Json
      }
      feature_flag_history: {
        Args: { p_flag_id: string }
        Returns: {
          changed_at: string
          changed_by: string
          changed_by_name: string
          changes: Json
          config: Json
          note: string
          version: number
        }[]
      }
      feature_flag_stale_reason: {
        Args: { p_flag: Database["public"]["Tables"]["feature_flags"]["Row"] }
        Returns: string
      }
      finance_breakdown: {
        Args: {
          p_dimension: string
          p_from: string
          p_limit?: number
          p_tenant_id?: string
          p_to: string
        }
        Returns: {
          currency: string
          gmv_cents: number
          key: string
          label: string
          net_revenue_cents: number
          payments: number
          payout_cents: number
          platform_fee_cents: number
          refund_cents: number
          take_rate: number
        }[]
      }
      finance_series: {
        Args: {
          p_from: string
          p_interval?: string
          p_tenant_id?: string
          p_to: string
        }
        Returns: {
          bucket: string
          currency: string
          gmv_cents: number
          net_revenue_cents: number
          payments: number
          payout_cents: number
          platform_fee_cents: number
          refund_cents: number
        }[]
      }
      finance_summary: {
        Args: { p_from: string; p_tenant_id?: string; p_to: string }
        Returns: {
          currency: string
          disputed_cents: number
          disputes: number
          failed: number
          failed_cents: number
          gmv_cents: number
          net_revenue_cents: number
          payments: number
          payout_cents: number
          payouts: number
          period: string
          platform_fee_cents: number
          processing_fee_cents: number
          refund_cents: number
          refunded_fee_cents: number
          refunds: number
          take_rate: number
          tax_cents: number
        }[]
      }
      kill_feature_flag: {
        Args: { p_flag_id: string; p_reason?: string }
        Returns: {
          created_at: string
          created_by: string | null
          description: string | null
          flag_type: string
          id: string
          is_enabled: boolean
          key: string
          kill_reason: string | null
          kill_switch: boolean
          killed_at: string | null
          killed_by: string | null
          name: string
          rollout_changed_at: string
          rollout_percentage: number
          stale_marked_at: string | null
          stale_marked_by: string | null
          targeting_rules: NonNullable<Json>
          tenant_id: string
          updated_at: string
          updated_by: string | null
          variants: NonNullable<Json>
        }
        SetofOptions: {
          from: "*"
          to: "feature_flags"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      kill_feature_flags: {
        Args: { p_flag_ids: string[]; p_reason: string }
        Returns: {
          id: string
          message: string
          outcome: string
        }[]
      }
      lift_user_sanction: {
        Args: { p_reason: string; p_user_id: string }
        Returns: {
          created_at: string
          created_by: string | null
          ends_at: string | null
          hidden_listings: NonNullable<Json>
          id: string
          kind: string
          lift_reason: string | null
          lifted_at: string | null
          lifted_by: string | null
          previous_status: Database["public"]["Enums"]["user_status"]
          reason: string
          starts_at: string
          tenant_id: string
          user_id: string
        }
        SetofOptions: {
          from: "*"
          to: "user_sanctions"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      listing_changes_since_approval: {
        Args: { p_listing_id: string }
        Returns: {
          approved: Json
          approved_at: string
          current: Json
          field: string
          label: string
        }[]
      }
      mark_conversation_read: {
        Args: { p_conversation_id: string }
        Returns: number
      }
      mark_feature_flag_stale: {
        Args: { p_flag_id: string; p_stale?: boolean }
        Returns: {
          created_at: string
          created_by: string | null
          description: string | null
          flag_type: string
          id: string
          is_enabled: boolean
          key: string
          kill_reason: string | null
          kill_switch: boolean
          killed_at: string | null
          killed_by: string | null
          name: string
          rollout_changed_at: string
          rollout_percentage: number
          stale_marked_at: string | null
          stale_marked_by: string | null
          targeting_rules: NonNullable<Json>
          tenant_id: string
          updated_at: string
          updated_by: string | null
          variants: NonNullable<Json>
        }
        SetofOptions: {
          from: "*"
          to: "feature_flags"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      mark_feature_flags_stale: {
        Args: { p_flag_ids: string[]; p_stale?: boolean }
        Returns: {
          id: string
          message: string
          outcome: string
        }[]
      }
      moderate_listing: {
        Args: { p_decision: string; p_listing_id: string; p_reason?: string }
        Returns: {
          address: NonNullable<Json>
          booking_count: number
          category_id: string | null
          city_id: string | null
          created_at: string
          currency: string
          deleted_at: string | null
          description: string
          duration_minutes: number | null
          id: string
          is_featured: boolean
          keywords: string[]
          location: unknown
          location_type: Database["public"]["Enums"]["location_type"]
          media: NonNullable<Json>
          moderated_at: string | null
          moderated_by: string | null
          moderation_reason: string | null
          moderation_status: string
          price_cents: number
          pricing_type: Database["public"]["Enums"]["pricing_type"]
          provider_id: string
          published_at: string | null
          rating_average: number
          rating_count: number
          search_vector: unknown
          seo_description: string | null
          seo_title: string | null
          service_radius_m: number | null
          slug: string
          status: Database["public"]["Enums"]["listing_status"]
          tenant_id: string
          title: string
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "listings"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      moderate_review: {
        Args: { p_hide: boolean; p_reason?: string; p_review_id: string }
        Returns: {
          booking_id: string
          comment: string | null
          communication_rating: number | null
          created_at: string
          deleted_at: string | null
          helpful_count: number
          hidden_at: string | null
          hidden_by: string | null
          hidden_reason: string | null
          id: string
          is_verified: boolean
          listing_id: string
          not_helpful_count: number
          provider_id: string
          provider_responded_at: string | null
          provider_response: string | null
          quality_rating: number | null
          rating: number
          reviewer_id: string
          tenant_id: string
          timeliness_rating: number | null
          title: string | null
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "reviews"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      moderate_reviews: {
        Args: { p_hide: boolean; p_reason?: string; p_review_ids: string[] }
        Returns: {
          id: string
          message: string
          outcome: string
        }[]
      }
      moderation_item_context: { Args: { p_item_id: string }; Returns: Json }
      moderation_queue_counts: {
        Args: { p_tenant_id?: string }
        Returns: {
          claimed_by_me: number
          open_items: number
          overdue: number
          queue: string
          unclaimed: number
        }[]
      }
      moderation_queue_page: {
        Args: {
          p_claim?: string
          p_limit?: number
          p_offset?: number
          p_overdue?: boolean
          p_reason?: string
          p_sort?: string
          p_tab: string
          p_target_type?: string
          p_tenant_id?: string
        }
        Returns: {
          assignee_id: string
          claim_expires_at: string
          claimed_by: string
          claimed_by_name: string
          entered_queue_at: string
          id: string
          open_report_count: number
          owner_name: string
          priority_score: number
          queue: string
          report_reasons: string[]
          sla_due_at: string
          status: string
          target_excerpt: string
          target_id: string
          target_title: string
          target_type: string
          tenant_id: string
          version: number
        }[]
      }
      moderation_workspace_summary: {
        Args: { p_tenant_id?: string }
        Returns: Json
      }
      my_feature_flags: {
        Args: Record<PropertyKey, never>
        Returns: {
          enabled: boolean
          key: string
          reason: string
          variant: string
        }[]
      }
      my_permissions: { Args: Record<PropertyKey, never>; Returns: string[] }
      my_sign_in_requirements: {
        Args: Record<PropertyKey, never>
        Returns: {
          is_staff: boolean
          session_aal: string
          two_factor_required: boolean
        }[]
      }
      preview_feature_flag_change: {
        Args: {
          p_flag_id: string
          p_rollout_percentage?: number
          p_targeting_rules?: Json
          p_variants?: Json
        }
        Returns: Json
      }
      preview_moderation_message: {
        Args: { p_item_id: string; p_note?: string; p_reason_code: string }
        Returns: string
      }
      reconcile_payout: {
        Args: { p_payout_id: string }
        Returns: {
          amount_cents: number
          arrival_date: string | null
          created_at: string
          currency: string
          expected_amount_cents: number
          failure_reason: string | null
          id: string
          mismatch_cents: number | null
          period_end: string
          period_start: string
          provider: string
          reconciled_at: string | null
          reconciled_by: string | null
          reconciliation_status: string
          status: string
          stripe_payout_id: string | null
          tenant_id: string
          transaction_count: number
          updated_at: string
          user_id: string
        }
        SetofOptions: {
          from: "*"
          to: "payouts"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      refund_disputed_booking: {
        Args: {
          p_amount_cents?: number
          p_booking_id: string
          p_reason: string
        }
        Returns: {
          booking_id: string
          payouts_adjusted: string[]
          refund_transaction_ids: string[]
          refundable_cents: number
          refunded_cents: number
          status: Database["public"]["Enums"]["booking_status"]
        }[]
      }
      release_moderation_item: {
        Args: { p_item_id: string; p_version?: number }
        Returns: {
          assignee_id: string | null
          claim_expires_at: string | null
          claimed_by: string | null
          created_at: string
          decided_at: string | null
          decided_by: string | null
          decision_note: string | null
          decision_reason_code: string | null
          entered_queue_at: string
          id: string
          open_report_count: number
          priority_score: number
          queue: string
          sla_due_at: string
          status: string
          target_id: string
          target_type: string
          tenant_id: string
          updated_at: string
          version: number
        }
        SetofOptions: {
          from: "*"
          to: "moderation_items"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      resolve_content_report: {
        Args: { p_note?: string; p_report_id: string; p_resolution: string }
        Returns: {
          created_at: string
          details: string | null
          id: string
          reason: string
          reporter_id: string
          resolution: string | null
          resolution_note: string | null
          resolved_at: string | null
          resolved_by: string | null
          status: Database["public"]["Enums"]["report_status"]
          target_id: string
          target_type: string
          tenant_id: string
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "content_reports"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      revert_feature_flag: {
        Args: { p_flag_id: string; p_note: string; p_version: number }
        Returns: {
          created_at: string
          created_by: string | null
          description: string | null
          flag_type: string
          id: string
          is_enabled: boolean
          key: string
          kill_reason: string | null
          kill_switch: boolean
          killed_at: string | null
          killed_by: string | null
          name: string
          rollout_changed_at: string
          rollout_percentage: number
          stale_marked_at: string | null
          stale_marked_by: string | null
          targeting_rules: NonNullable<Json>
          tenant_id: string
          updated_at: string
          updated_by: string | null
          variants: NonNullable<Json>
        }
        SetofOptions: {
          from: "*"
          to: "feature_flags"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      revive_feature_flag: {
        Args: { p_flag_id: string }
        Returns: {
          created_at: string
          created_by: string | null
          description: string | null
          flag_type: string
          id: string
          is_enabled: boolean
          key: string
          kill_reason: string | null
          kill_switch: boolean
          killed_at: string | null
          killed_by: string | null
          name: string
          rollout_changed_at: string
          rollout_percentage: number
          stale_marked_at: string | null
          stale_marked_by: string | null
          targeting_rules: NonNullable<Json>
          tenant_id: string
          updated_at: string
          updated_by: string | null
          variants: NonNullable<Json>
        }
        SetofOptions: {
          from: "*"
          to: "feature_flags"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      revoke_api_key: { Args: { p_api_key_id: string }; Returns: undefined }
      rotate_webhook_endpoint_secret: {
        Args: { p_webhook_endpoint_id: string }
        Returns: string
      }
      sanction_user: {
        Args: {
          p_kind: string
          p_reason: string
          p_until?: string
          p_user_id: string
        }
        Returns: {
          created_at: string
          created_by: string | null
          ends_at: string | null
          hidden_listings: NonNullable<Json>
          id: string
          kind: string
          lift_reason: string | null
          lifted_at: string | null
          lifted_by: string | null
          previous_status: Database["public"]["Enums"]["user_status"]
          reason: string
          starts_at: string
          tenant_id: string
          user_id: string
        }
        SetofOptions: {
          from: "*"
          to: "user_sanctions"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      search_listings: {
        Args: {
          filter_category_id?: string
          filter_city_id?: string
          max_price_cents?: number
          max_results?: number
          min_price_cents?: number
          q: string
          skip?: number
        }
        Returns: {
          category_id: string
          city_id: string
          currency: string
          id: string
          location_type: Database["public"]["Enums"]["location_type"]
          price_cents: number
          pricing_type: Database["public"]["Enums"]["pricing_type"]
          provider_id: string
          rank: number
          rating_average: number
          rating_count: number
          slug: string
          tenant_id: string
          title: string
        }[]
      }
      search_listings_nearby: {
        Args: {
          filter_category_id?: string
          lat: number
          lng: number
          max_results?: number
          q?: string
          radius_m?: number
        }
        Returns: {
          category_id: string
          city_id: string
          currency: string
          distance_m: number
          id: string
          location_type: Database["public"]["Enums"]["location_type"]
          price_cents: number
          pricing_type: Database["public"]["Enums"]["pricing_type"]
          provider_id: string
          rating_average: number
          rating_count: number
          slug: string
          tenant_id: string
          title: string
        }[]
      }
      set_booking_status: {
        Args: {
          p_booking_id: string
          p_new_status: Database["public"]["Enums"]["booking_status"]
          p_reason?: string
        }
        Returns: {
          cancellation_policy: string
          cancellation_reason: string | null
          cancelled_at: string | null
          cancelled_by: string | null
          completed_at: string | null
          confirmation_code: string
          confirmed_at: string | null
          created_at: string
          currency: string
          customer_id: string
          customer_notes: string | null
          dispute_reason: string | null
          disputed_at: string | null
          id: string
          listing_id: string
          location_type: Database["public"]["Enums"]["location_type"]
          platform_fee_cents: number
          processing_fee_cents: number
          provider_id: string
          provider_notes: string | null
          refunded_at: string | null
          scheduled_end: string
          scheduled_start: string
          service_address: NonNullable<Json>
          service_location: unknown
          started_at: string | null
          status: Database["public"]["Enums"]["booking_status"]
          subtotal_cents: number
          tax_cents: number
          tenant_id: string
          timezone: string
          total_cents: number
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "bookings"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      set_feature_flag_rollout: {
        Args: {
          p_flag_id: string
          p_note: string
          p_rollout_percentage: number
        }
        Returns: {
          created_at: string
          created_by: string | null
          description: string | null
          flag_type: string
          id: string
          is_enabled: boolean
          key: string
          kill_reason: string | null
          kill_switch: boolean
          killed_at: string | null
          killed_by: string | null
          name: string
          rollout_changed_at: string
          rollout_percentage: number
          stale_marked_at: string | null
          stale_marked_by: string | null
          targeting_rules: NonNullable<Json>
          tenant_id: string
          updated_at: string
          updated_by: string | null
          variants: NonNullable<Json>
        }
        SetofOptions: {
          from: "*"
          to: "feature_flags"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      staff_audit_seq_range: {
        Args: { p_from?: string; p_to?: string }
        Returns: {
          from_seq: number
          to_seq: number
        }[]
      }
      staff_bookings_per_day: {
        Args: { p_days?: number; p_tenant_id?: string }
        Returns: {
          bookings: number
          completed: number
          day: string
        }[]
      }
      staff_verify_audit_chain: {
        Args: { p_from_seq?: number; p_max_rows?: number; p_to_seq?: number }
        Returns: {
          broken_seq: number
          checked: number
          expected_hash: string
          first_seq: number
          found_hash: string
          head_hash: string
          head_seq: number
          last_seq: number
          next_seq: number
          problem: string
        }[]
      }
      staff_work_queue: {
        Args: { p_tenant_id?: string }
        Returns: {
          content_reports_in_review: number
          disputed_bookings: number
          failed_payments_7d: number
          flags_changed_today: number
          listings_awaiting_moderation: number
          open_content_reports: number
        }[]
      }
      undo_moderation_decisions: {
        Args: { p_item_ids: string[] }
        Returns: {
          assignee_id: string | null
          claim_expires_at: string | null
          claimed_by: string | null
          created_at: string
          decided_at: string | null
          decided_by: string | null
          decision_note: string | null
          decision_reason_code: string | null
          entered_queue_at: string
          id: string
          open_report_count: number
          priority_score: number
          queue: string
          sla_due_at: string
          status: string
          target_id: string
          target_type: string
          tenant_id: string
          updated_at: string
          version: number
        }[]
        SetofOptions: {
          from: "*"
          to: "moderation_items"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      verify_api_key: {
        Args: { p_api_key: string }
        Returns: {
          api_key_id: string
          rate_limit_per_minute: number
          scopes: string[]
          tenant_id: string
          user_id: string
        }[]
      }
      verify_user: {
        Args: { p_note?: string; p_user_id: string }
        Returns: {
          auth_user_id: string | null
          avatar_url: string | null
          clerk_id: string | null
          created_at: string
          deleted_at: string | null
          email: string
          email_verified_at: string | null
          full_name: string | null
          id: string
          last_sign_in_at: string | null
          metadata: NonNullable<Json>
          phone: string | null
          role: Database["public"]["Enums"]["user_role"]
          staff_role: string | null
          status: Database["public"]["Enums"]["user_status"]
          tenant_id: string
          updated_at: string
          verification_status: Database["public"]["Enums"]["verification_status"]
        }
        SetofOptions: {
          from: "*"
          to: "users"
          isOneToOne: true
          isSetofReturn: false
        }
      }
    }
    Enums: {
      audit_action:
        | "create"
        | "read"
        | "update"
        | "delete"
        | "login"
        | "logout"
        | "admin_action"
        | "payment"
        | "booking"
      booking_status:
        | "pending"
        | "confirmed"
        | "in_progress"
        | "completed"
        | "cancelled"
        | "disputed"
        | "refunded"
      listing_status: "draft" | "active" | "paused" | "inactive" | "suspended"
      location_type: "on_site" | "remote" | "both"
      log_level: "debug" | "info" | "warning" | "error" | "critical"
      notification_channel: "in_app" | "email" | "sms" | "push"
      payment_status:
        | "pending"
        | "processing"
        | "completed"
        | "failed"
        | "cancelled"
        | "refunded"
      pricing_type: "hourly" | "fixed" | "custom"
      report_status: "open" | "in_review" | "resolved" | "dismissed"
      reward_type: "credit" | "cash" | "discount"
      subscription_status:
        | "trialing"
        | "active"
        | "past_due"
        | "canceled"
        | "unpaid"
        | "incomplete"
        | "incomplete_expired"
      transaction_type:
        | "payment"
        | "payout"
        | "fee"
        | "refund"
        | "bonus"
        | "referral"
      user_role: "guest" | "customer" | "provider" | "admin" | "super_admin"
      user_status:
        | "active"
        | "inactive"
        | "suspended"
        | "pending_verification"
        | "banned"
      verification_status: "pending" | "in_review" | "verified" | "rejected"
    }
    CompositeTypes: {
      [_ in never]: never
    }
  }
}

type DatabaseWithoutInternals = Omit<Database, "__InternalSupabase">

type DefaultSchema = DatabaseWithoutInternals[Extract<keyof Database, "public">]

export type Tables<
  DefaultSchemaTableNameOrOptions extends
    | keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
        DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
      DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])[TableName] extends {
      Row: infer R
    }
    ? R
    : never
  : DefaultSchemaTableNameOrOptions extends keyof (DefaultSchema["Tables"] &
        DefaultSchema["Views"])
    ? (DefaultSchema["Tables"] &
        DefaultSchema["Views"])[DefaultSchemaTableNameOrOptions] extends {
        Row: infer R
      }
      ? R
      : never
    : never

export type TablesInsert<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Insert: infer I
    }
    ? I
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Insert: infer I
      }
      ? I
      : never
    : never

export type TablesUpdate<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Update: infer U
    }
    ? U
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Update: infer U
      }
      ? U
      : never
    : never

export type Enums<
  DefaultSchemaEnumNameOrOptions extends
    | keyof DefaultSchema["Enums"]
    | { schema: keyof DatabaseWithoutInternals },
  EnumName extends (DefaultSchemaEnumNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"]
    : never) = never,
> = DefaultSchemaEnumNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"][EnumName]
  : DefaultSchemaEnumNameOrOptions extends keyof DefaultSchema["Enums"]
    ? DefaultSchema["Enums"][DefaultSchemaEnumNameOrOptions]
    : never

export type CompositeTypes<
  PublicCompositeTypeNameOrOptions extends
    | keyof DefaultSchema["CompositeTypes"]
    | { schema: keyof DatabaseWithoutInternals },
  CompositeTypeName extends (PublicCompositeTypeNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"]
    : never) = never,
> = PublicCompositeTypeNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"][CompositeTypeName]
  : PublicCompositeTypeNameOrOptions extends keyof DefaultSchema["CompositeTypes"]
    ? DefaultSchema["CompositeTypes"][PublicCompositeTypeNameOrOptions]
    : never

export const Constants = {
  public: {
    Enums: {
      audit_action: [
        "create",
        "read",
        "update",
        "delete",
        "login",
        "logout",
        "admin_action",
        "payment",
        "booking",
      ],
      booking_status: [
        "pending",
        "confirmed",
        "in_progress",
        "completed",
        "cancelled",
        "disputed",
        "refunded",
      ],
      listing_status: ["draft", "active", "paused", "inactive", "suspended"],
      location_type: ["on_site", "remote", "both"],
      log_level: ["debug", "info", "warning", "error", "critical"],
      notification_channel: ["in_app", "email", "sms", "push"],
      payment_status: [
        "pending",
        "processing",
        "completed",
        "failed",
        "cancelled",
        "refunded",
      ],
      pricing_type: ["hourly", "fixed", "custom"],
      report_status: ["open", "in_review", "resolved", "dismissed"],
      reward_type: ["credit", "cash", "discount"],
      subscription_status: [
        "trialing",
        "active",
        "past_due",
        "canceled",
        "unpaid",
        "incomplete",
        "incomplete_expired",
      ],
      transaction_type: [
        "payment",
        "payout",
        "fee",
        "refund",
        "bonus",
        "referral",
      ],
      user_role: ["guest", "customer", "provider", "admin", "super_admin"],
      user_status: [
        "active",
        "inactive",
        "suspended",
        "pending_verification",
        "banned",
      ],
      verification_status: ["pending", "in_review", "verified", "rejected"],
    },
  },
} as const

